"""{% personal %} and {% ifpersonal %}: where a page differs from person to person (knowledge.personal)."""

from django import template

from knowledge import personal as holes

register = template.Library()


def viewer_of(context):
    viewer = context.get("viewer")
    if viewer is None:  # a page rendered without the context processor (e.g. in a test)
        viewer = holes.Viewer(context["request"])
    return viewer


@register.simple_tag(takes_context=True)
def personal(context, name, *args):
    """{% personal "pressed" post.pk "like" %}: this viewer's value, or a marker in a shared render."""
    args = [str(arg) for arg in args]
    if context.get(holes.SHARED):
        return holes.marker(name, args)
    return viewer_of(context).answer(name, args)


class IfPersonalNode(template.Node):
    def __init__(self, name, args, nodelist):
        self.name, self.args, self.nodelist = name, args, nodelist

    def render(self, context):
        name = self.name.resolve(context)
        args = [str(arg.resolve(context)) for arg in self.args]
        if context.get(holes.SHARED):
            return holes.marker("if", [name, *args]) + self.nodelist.render(context) + holes.marker("endif")
        return self.nodelist.render(context) if viewer_of(context).ask(name, args) else ""


@register.tag
def ifpersonal(parser, token):
    """{% ifpersonal "can_edit" post.author_id post.status %}…{% endifpersonal %}: shown if the viewer
    says so."""
    name, *args = [parser.compile_filter(bit) for bit in token.split_contents()[1:]]
    nodelist = parser.parse(("endifpersonal",))
    parser.delete_first_token()
    if nodelist.get_nodes_by_type(IfPersonalNode):
        raise template.TemplateSyntaxError("{% ifpersonal %} pieces do not nest")
    return IfPersonalNode(name, args, nodelist)
