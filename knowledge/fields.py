"""Fields for what staff type: Thai numerals (๒๕๖๕, ๑,๒๐๐.๕๐) as well as Arabic, and dates in the
Buddhist Era as well as the Christian one."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .thaidate import BE_OFFSET, BuddhistYearConverter, fold_thai_digits

YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


class ThaiDigitsMixin:
    """Fold Thai digits and drop thousands separators before the usual parsing."""

    def to_python(self, value):
        if isinstance(value, str):
            value = fold_thai_digits(value).replace(",", "").strip()
        return super().to_python(value)


class ThaiIntegerFormField(ThaiDigitsMixin, forms.IntegerField):
    # A text input: browsers refuse Thai digits in <input type="number">.
    widget = forms.TextInput(attrs={"inputmode": "numeric"})


class ThaiDecimalFormField(ThaiDigitsMixin, forms.DecimalField):
    widget = forms.TextInput(attrs={"inputmode": "decimal"})


class BuddhistYearField(models.PositiveSmallIntegerField):
    """A year of the Buddhist Era (e.g. a fiscal year, 2565)."""

    default_validators = [MinValueValidator(2500), MaxValueValidator(2700)]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ThaiIntegerFormField, **kwargs})


class ThaiDecimalField(models.DecimalField):
    """An amount or measured value (baht, KPI values)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ThaiDecimalFormField, **kwargs})


class BuddhistEraDateMixin:
    """A date typed with a BE year (10/01/2566) means that day (10/01/2023), not the year 3109: Thai
    editors write the Buddhist Era, Wagtail's date picker the Christian one. A year the two cannot both
    mean (after BE 2699) is refused in Thai, never stored."""

    def to_python(self, value):
        if isinstance(value, str) and (year := YEAR.search(fold_thai_digits(value))):
            number = int(year.group())
            if number > BuddhistYearConverter.last:
                raise ValidationError(
                    _("Check the year: %(year)s is neither a BE nor a CE year of this plan.")
                    % {"year": number}
                )
            if number >= BuddhistYearConverter.first:
                value = fold_thai_digits(value).replace(year.group(), str(number - BE_OFFSET), 1)
        return super().to_python(value)


class BuddhistEraDateFormField(BuddhistEraDateMixin, forms.DateField):
    pass


class BuddhistEraDateTimeFormField(BuddhistEraDateMixin, forms.DateTimeField):
    pass
