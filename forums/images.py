"""Pictures in posts: checked by content, size and pixel count, with a thumbnail made by Pillow."""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "GIF", "WEBP"}
THUMBNAIL_SIZE = (640, 640)


def validate_image(upload):
    """Raise a ValidationError (in the user's language) unless the upload is a picture we accept."""
    if upload.size > settings.FORUM_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("The picture is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(settings.FORUM_IMAGE_MAX_BYTES)}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format, (width, height) = image.format, image.size
            if width * height > settings.FORUM_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    _("The picture is %(width)s × %(height)s pixels; please make it smaller.")
                    % {"width": width, "height": height}
                )
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as error:
        raise ValidationError(
            _("This file is not a picture we can read (JPEG, PNG, GIF or WebP).")
        ) from error
    finally:
        upload.seek(0)
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(_("This file is not a picture we can read (JPEG, PNG, GIF or WebP)."))


def thumbnail_of(upload):
    upload.seek(0)
    with Image.open(upload) as image:
        image = ImageOps.exif_transpose(image)
        image.thumbnail(THUMBNAIL_SIZE)
        if image.mode not in ("RGB", "RGBA"):
            image = image.convert("RGBA")
        out = BytesIO()
        image.save(out, "WEBP", quality=82)
    upload.seek(0)
    return ContentFile(out.getvalue(), name="thumb.webp")


def attach_image(post, upload, alt):
    from .models import PostImage

    return PostImage.objects.create(post=post, image=upload, thumbnail=thumbnail_of(upload), alt=alt)
