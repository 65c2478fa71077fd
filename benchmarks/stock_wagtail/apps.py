from django.apps import AppConfig


class StockWagtailConfig(AppConfig):
    name = "benchmarks.stock_wagtail"
    label = "stock_wagtail"
