"""Model fields for numbers that staff type: Thai numerals (๒๕๖๕, ๑,๒๐๐.๕๐) are accepted as well as Arabic."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from .thaidate import fold_thai_digits


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
