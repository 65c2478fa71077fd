"""The exchange's pages and actions, split by what the user is doing."""
