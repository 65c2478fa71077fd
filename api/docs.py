"""/api/: the API's reference for people, in the site's own accessible page, read from the OpenAPI schema
(Swagger UI at /api/v1/docs is there to try requests)."""

from django.shortcuts import render
from django.urls import reverse

from .views import api

PAGING = {
    "limit": "จำนวนรายการต่อหน้า (1–100, ค่าเริ่มต้น 100) / items per page",
    "offset": "ข้ามกี่รายการ (ค่าเริ่มต้น 0) / items to skip",
}


def type_of(schema, components):
    """A parameter's type in words: "integer", "string", or the values of an enumeration."""
    options = [option for option in schema.get("anyOf", [schema]) if option.get("type") != "null"]
    option = options[0] if options else schema
    if "$ref" in option:
        option = components[option["$ref"].rsplit("/", 1)[-1]]
    if "enum" in option:
        return " | ".join(option["enum"])
    return option.get("type", "")


def operations(schema):
    components = schema["components"]["schemas"]
    for path, methods in schema["paths"].items():
        operation = methods["get"]
        yield {
            "path": path,
            "summary": operation.get("summary", ""),
            "tag": operation.get("tags", [""])[0],
            "parameters": [
                {
                    "name": parameter["name"],
                    "where": parameter["in"],
                    "type": type_of(parameter["schema"], components),
                    "required": parameter.get("required", False),
                    "description": parameter.get("description") or PAGING.get(parameter["name"], ""),
                }
                for parameter in operation.get("parameters", [])
            ],
            "paginated": any(p["name"] == "offset" for p in operation.get("parameters", [])),
        }


def reference(request):
    schema = api.get_openapi_schema(path_prefix=reverse("api:api-root").rstrip("/"))
    context = {
        # The description's lines are wrapped for the source; the page lets the browser wrap them.
        "paragraphs": [" ".join(part.split("\n")) for part in schema["info"]["description"].split("\n\n")],
        "operations": list(operations(schema)),
        "schema_url": reverse("api:openapi-json"),
        "swagger_url": reverse("api:openapi-view"),
    }
    return render(request, "api/reference.html", context)
