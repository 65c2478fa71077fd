"""Shared renderings with personal holes (knowledge.personal): what a reader gets, and how safely."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from knowledge import personal


class Reader(personal.Viewer):
    holes = personal.Viewer.holes | {"greeting", "likes"}

    def greeting(self):
        return "<b>สวัสดี</b>"

    def likes(self, what):
        return what == "ชา"


TEMPLATE = (
    "{% load personal_tags %}<p>{% personal 'greeting' %}</p>"
    "{% ifpersonal 'likes' drink %}<i>{{ drink }} {% personal 'likes' drink %}</i>{% endifpersonal %}"
)


def render(shared, drink):
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    viewer = Reader(request)
    context = {"viewer": viewer, "drink": drink, **({personal.SHARED: True} if shared else {})}
    html = Template(TEMPLATE).render(Context(context))
    return personal.fill(html, viewer) if shared else html


@pytest.mark.parametrize("drink", ["ชา", "กาแฟ"])
def test_a_shared_rendering_filled_in_equals_the_direct_one(drink):
    assert render(shared=True, drink=drink) == render(shared=False, drink=drink)


def test_values_are_escaped_and_booleans_print_as_aria_states():
    assert render(shared=True, drink="ชา") == "<p>&lt;b&gt;สวัสดี&lt;/b&gt;</p><i>ชา true</i>"
    assert render(shared=True, drink="กาแฟ") == "<p>&lt;b&gt;สวัสดี&lt;/b&gt;</p>"


def test_only_declared_holes_can_be_asked_for():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(ValueError):
        personal.fill(personal.marker("__init__"), Reader(request))


def test_hole_arguments_are_plain_words_and_pieces_do_not_nest():
    with pytest.raises(ValueError):
        personal.marker("likes", ["two words"])
    with pytest.raises(TemplateSyntaxError):
        Template(
            "{% load personal_tags %}{% ifpersonal 'a' %}{% ifpersonal 'b' %}{% endifpersonal %}"
            "{% endifpersonal %}"
        )
