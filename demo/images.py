"""Pictures for the demo content, drawn with Pillow: flat illustrations made of simple shapes
(a hub building, a family, a meeting, a chart...), so the demo needs no stock photos and no
network. `ensure_demo_image` saves one as a Wagtail image with a title and a description (its
default alt text), once."""

import random
from collections.abc import Callable
from io import BytesIO

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Collection

from PIL import Image as PillowImage
from PIL import ImageDraw

WIDTH, HEIGHT = 1200, 675  # 16:9

# Flat palettes: (sky, ground, primary, secondary, accent)
PALETTES = {
    "teal": ("#d8eeeb", "#7fb8a4", "#00594f", "#f4a259", "#ffdd00"),
    "blue": ("#dbe8f5", "#9cc3a0", "#1d70b8", "#f28f3b", "#ffdd00"),
    "plum": ("#efe3f1", "#a9c99a", "#6f3c7a", "#f6c85f", "#ef767a"),
    "sunset": ("#fde7d9", "#b7d3a8", "#c8553d", "#2b6f8f", "#ffd166"),
    "green": ("#e3f1dc", "#8fbf7f", "#28724f", "#f2a541", "#f26d6d"),
}

Drawing = Callable[[ImageDraw.ImageDraw, tuple[str, ...], random.Random], None]


def _sun(draw, palette, rng):
    x, y, r = rng.randint(880, 1080), rng.randint(70, 140), 60
    draw.ellipse((x - r, y - r, x + r, y + r), fill=palette[4])


def _ground(draw, palette, height=190):
    draw.rectangle((0, HEIGHT - height, WIDTH, HEIGHT), fill=palette[1])


def _person(draw, x, ground_y, height, colour, skin="#8d5524"):
    """A simple figure: a round head on a rounded body."""
    head = height * 0.22
    draw.rounded_rectangle(
        (x - height * 0.18, ground_y - height * 0.75, x + height * 0.18, ground_y),
        radius=int(height * 0.12),
        fill=colour,
    )
    draw.ellipse(
        (x - head / 2, ground_y - height, x + head / 2, ground_y - height + head), fill=skin
    )


SKIN_TONES = ["#8d5524", "#c68642", "#e0ac69", "#f1c27d", "#ffdbac", "#5c3a21"]


def draw_building(draw, palette, rng):
    """A family hub: a low building with a door, windows and a sign."""
    _sun(draw, palette, rng)
    _ground(draw, palette)
    left, right, top, base = 260, 940, 230, HEIGHT - 190
    draw.polygon(
        [(left - 40, top), ((left + right) / 2, top - 120), (right + 40, top)], fill=palette[3]
    )
    draw.rectangle((left, top, right, base), fill=palette[2])
    draw.rectangle((left + 60, top + 30, right - 60, top + 80), fill="#ffffff")
    for column in range(4):
        x = left + 60 + column * 150
        if column == 2:
            draw.rectangle((x, base - 170, x + 100, base), fill=palette[4])
        else:
            draw.rectangle((x, top + 120, x + 100, top + 210), fill="#ffffff")
    for x in (120, 1060):
        draw.rectangle((x - 10, base - 120, x + 10, base), fill="#6b4f2a")
        draw.ellipse((x - 70, base - 250, x + 70, base - 100), fill="#3f7d4e")


def draw_family(draw, palette, rng):
    """A family of four walking together."""
    _sun(draw, palette, rng)
    _ground(draw, palette)
    ground_y = HEIGHT - 150
    heights = [330, 300, 190, 140]
    colours = [palette[2], palette[3], palette[4], "#ffffff"]
    for index, (height, colour) in enumerate(zip(heights, colours, strict=True)):
        _person(draw, 360 + index * 170, ground_y, height, colour, rng.choice(SKIN_TONES))
    draw.ellipse((80, 80, 200, 200), outline=palette[2], width=14)


def draw_meeting(draw, palette, rng):
    """A round-table meeting: the cabinet deciding."""
    draw.rectangle((0, HEIGHT - 140, WIDTH, HEIGHT), fill=palette[1])
    centre_x, centre_y = WIDTH / 2, 420
    for index in range(6):
        x = 270 + index * 132
        _person(draw, x, centre_y + 40, 220, rng.choice(palette[2:4]), rng.choice(SKIN_TONES))
    draw.rounded_rectangle((180, centre_y, WIDTH - 180, centre_y + 70), radius=30, fill="#6b4f2a")
    for index in range(3):
        x = 360 + index * 220
        draw.rectangle((x, centre_y - 28, x + 120, centre_y), fill="#ffffff")
    draw.rectangle((centre_x - 90, 60, centre_x + 90, 180), fill=palette[4])


def draw_consultation(draw, palette, rng):
    """Speech bubbles over a crowd: people having their say."""
    _ground(draw, palette, 160)
    for index in range(7):
        x = 130 + index * 155
        _person(
            draw,
            x,
            HEIGHT - 110,
            rng.randint(170, 260),
            rng.choice(palette[2:4]),
            rng.choice(SKIN_TONES),
        )
    for x, y, colour in ((200, 70, palette[2]), (520, 40, palette[3]), (840, 90, palette[4])):
        draw.rounded_rectangle((x, y, x + 260, y + 150), radius=40, fill=colour)
        draw.polygon([(x + 60, y + 150), (x + 120, y + 150), (x + 70, y + 200)], fill=colour)
        for line in range(3):
            draw.rectangle(
                (x + 40, y + 35 + line * 32, x + 220 - line * 40, y + 50 + line * 32),
                fill="#ffffff",
            )


def draw_chart(draw, palette, rng):
    """A rising bar chart with a coin: funding and budgets."""
    base = HEIGHT - 120
    draw.line((120, 80, 120, base), fill="#0b0c0c", width=8)
    draw.line((120, base, WIDTH - 100, base), fill="#0b0c0c", width=8)
    height = 120
    for index in range(6):
        height += rng.randint(30, 70)
        x = 190 + index * 150
        draw.rectangle(
            (x, base - height, x + 100, base), fill=palette[2] if index % 2 else palette[3]
        )
    draw.ellipse((960, 90, 1120, 250), fill=palette[4], outline="#0b0c0c", width=6)
    draw.rectangle((1030, 130, 1050, 210), fill="#0b0c0c")


def draw_inspection(draw, palette, rng):
    """A clipboard with ticks and a rosette."""
    draw.rounded_rectangle(
        (300, 80, 760, 620), radius=30, fill="#ffffff", outline=palette[2], width=12
    )
    draw.rectangle((440, 60, 620, 120), fill=palette[2])
    for row in range(4):
        y = 180 + row * 105
        draw.line((350, y + 20, 380, y + 50, 430, y - 10), fill=palette[2], width=14)
        draw.rectangle((460, y + 5, 720, y + 35), fill=palette[1])
    centre_x, centre_y = 940, 300
    draw.polygon([(880, 380), (850, 560), (920, 520), (940, 380)], fill=palette[3])
    draw.polygon([(1000, 380), (1030, 560), (960, 520), (940, 380)], fill=palette[3])
    draw.ellipse((centre_x - 120, centre_y - 120, centre_x + 120, centre_y + 120), fill=palette[4])
    draw.ellipse((centre_x - 80, centre_y - 80, centre_x + 80, centre_y + 80), fill=palette[2])


def draw_garden(draw, palette, rng):
    """A garden and play area: swings, trees and flowers."""
    _sun(draw, palette, rng)
    _ground(draw, palette, 230)
    base = HEIGHT - 230
    draw.line((200, base, 300, base - 260, 400, base), fill=palette[2], width=14)
    draw.line((600, base, 500, base - 260, 400, base), fill=palette[2], width=14)
    draw.line((300, base - 260, 500, base - 260), fill=palette[2], width=14)
    for x in (340, 460):
        draw.line((x, base - 260, x, base - 90), fill="#0b0c0c", width=4)
        draw.rectangle((x - 30, base - 90, x + 30, base - 76), fill=palette[3])
    for x in (780, 1000):
        draw.rectangle((x - 14, base - 160, x + 14, base + 20), fill="#6b4f2a")
        draw.ellipse((x - 110, base - 360, x + 110, base - 130), fill="#3f7d4e")
    for _ in range(14):
        x, y = rng.randint(40, WIDTH - 40), rng.randint(base + 40, HEIGHT - 30)
        draw.ellipse((x - 14, y - 14, x + 14, y + 14), fill=rng.choice(palette[3:]))


def draw_speech(draw, palette, rng):
    """A parent and a small child talking: speech and language."""
    _ground(draw, palette, 150)
    _person(draw, 430, HEIGHT - 120, 360, palette[2], rng.choice(SKIN_TONES))
    _person(draw, 700, HEIGHT - 120, 180, palette[3], rng.choice(SKIN_TONES))
    for index, (x, y) in enumerate(((520, 90), (760, 200))):
        colour = palette[4] if index else "#ffffff"
        draw.ellipse((x, y, x + 280, y + 150), fill=colour, outline=palette[2], width=6)
        for dot in range(3):
            draw.ellipse((x + 80 + dot * 45, y + 65, x + 100 + dot * 45, y + 85), fill=palette[2])


SCENES: dict[str, Drawing] = {
    "building": draw_building,
    "family": draw_family,
    "meeting": draw_meeting,
    "consultation": draw_consultation,
    "chart": draw_chart,
    "inspection": draw_inspection,
    "garden": draw_garden,
    "speech": draw_speech,
}


def illustration_png(scene: str, palette: str, seed: int = 0) -> bytes:
    """A PNG of `scene` in `palette`; the same arguments always draw the same picture."""
    colours = PALETTES[palette]
    picture = PillowImage.new("RGB", (WIDTH, HEIGHT), colours[0])
    SCENES[scene](ImageDraw.Draw(picture), colours, random.Random(seed))  # noqa: S311 - not security
    output = BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def root_collection() -> Collection:
    """Wagtail's migrations make the root collection; a flushed database (a transactional
    test) has none."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def ensure_demo_image(title: str, description: str, scene: str, palette: str, seed: int = 0):
    """The Wagtail image called `title`, drawn and saved if there is none yet."""
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    filename = f"demo-{scene}-{palette}-{seed}.png"
    image = image_model(
        title=title,
        description=description,
        collection=root_collection(),
        file=ImageFile(BytesIO(illustration_png(scene, palette, seed)), name=filename),
    )
    image.save()
    return image
