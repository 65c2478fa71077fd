"""The Wagtail admin without inline scripts, so its pages get the site's strict Content-Security-Policy.

Wagtail's widgets and panels start themselves with an inline script that makes one call:
`initDateChooser("id_date", {...})`, `new SnippetChooser("id_goal", {...})`, `new InlinePanel({...})` (the
panels' own scripts are reshaped to that in templates/wagtailadmin/panels/). `calls_as_data` turns each
such script into JSON naming the call, and static/js/admin-calls.js makes it, in page order and for forms
added later. That file lists the only calls a page may ask for, so an injected script is still refused.
"""

import json
import re

from .middleware import admin_prefix

# A whole inline script that is one call of a global with literal arguments.
SINGLE_CALL = re.compile(
    r"<script>\s*(?P<new>new\s+)?(?P<name>[A-Za-z_]\w*)\((?P<args>(?:(?!</script>).)*?)\);?\s*</script>", re.S
)
# In a script, "</script>" or "<!--" inside a string would end or hide it: escaped as json_script does.
UNSAFE_IN_SCRIPT = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def calls_as_data(html):
    return SINGLE_CALL.sub(as_data, html)


def as_data(match):
    try:
        args = json.loads(f"[{match['args']}]")
    except ValueError:
        return match.group()  # not literal data: left as it is, and the policy blocks it
    call = f"new {match['name']}" if match["new"] else match["name"]
    data = json.dumps(args).translate(UNSAFE_IN_SCRIPT)
    return f'<script type="application/json" data-admin-call="{call}">{data}</script>'


def admin_calls_as_data(get_response):
    """Middleware: the admin's HTML pages with their single-call scripts as data (below compression and
    the ETag, which then describe what is sent)."""

    def middleware(request):
        response = get_response(request)
        if (
            request.path.startswith(admin_prefix())
            and response.get("Content-Type", "").startswith("text/html")
            and not response.streaming
        ):
            response.content = calls_as_data(response.content.decode(response.charset))
        return response

    return middleware
