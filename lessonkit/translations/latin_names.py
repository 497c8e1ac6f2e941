"""Names the glossary keeps in Latin letters (Jupyter, Keras, PyTorch), found when they are spelt out in Bengali or
Devanagari letters (জুপিটার, केरस): both words are reduced to the consonants a reader hears, and a consonant cluster
(ক্রস, cross) is told from consonants with a vowel between them (কেরাস, Keras)."""

import re
import unicodedata
from pathlib import Path

from lessonkit.translations.problems import Problem, capped

NUKTA = "\u093c"
MOST_REPORTED = 8  # per check and page; the rest are counted
# Bengali and Devanagari letters, without the danda । and double danda ॥ (U+0964, U+0965) that end sentences.
INDIC_WORD = re.compile(r"[\u0900-\u0963\u0966-\u097F\u0980-\u09FF\u200c\u200d]+")

INDIC_SOUNDS = {
    "k": "কখकख",
    "g": "গঘगघ",
    "c": "চছचछ",
    "j": "জঝযजझ",
    "t": "টঠতথৎटठतथ",
    "d": "ডঢদধडढदध",
    "n": "ঙঞণনङञणन",
    "p": "পप",
    "f": "ফफ",
    "b": "বভबभव",
    "m": "মम",
    "r": "রঋरऋ",
    "l": "লलळ",
    "s": "শষসशषस",
}
SOUND_OF = {ch: sound for sound, chars in INDIC_SOUNDS.items() for ch in chars}
NUKTA_SOUNDS = {
    "ড": "r",
    "ঢ": "r",
    "য": "",
    "ड": "r",
    "ढ": "r",
    "य": "",
    "ज": "j",
    "फ": "f",
    "क": "k",
    "ख": "k",
    "ग": "g",
}
VIRAMA, ANUSVARA = "\u09cd\u094d", "ংं"
INDIC_VOWELS = re.compile(r"[\u0985-\u0994\u09be-\u09cc\u0904-\u0914\u093e-\u094c\u0962\u0963]")
LATIN_SOUNDS = [
    ("ch", "C"),
    ("ck", "k"),
    ("ph", "f"),
    ("igh", "i"),
    ("gh", "g"),
    ("sh", "s"),
    ("th", "t"),
    ("x", "ks"),
    ("q", "k"),
    ("z", "j"),
    ("v", "b"),
    ("w", ""),
]
BENGALI_ENDINGS = {"", "r", "k", "t", "dr", "gl"}  # -র/-এর, -কে, -তে, -দের, -গুলো
Sounds = list[tuple[str, str]]  # consonant, and what comes before it: "V" a vowel, "J" none, "?" maybe (inherent vowel)


def _merged(sounds: Sounds) -> Sounds:
    """Doubled consonants and "ng" heard as one sound."""
    out = []
    for sound, before in sounds:
        if out and before == "J" and (out[-1][0] == sound or (out[-1][0], sound) == ("n", "g")):
            continue
        out.append((sound, before))
    return out


def latin_sounds(word: str) -> Sounds:
    """The consonants of a Latin-letter name as they are heard: Jupyter -> j p t r, PyTorch -> p t r ch."""
    word = word.lower()
    for spelling, sound in LATIN_SOUNDS:
        word = word.replace(spelling, sound)
    word = re.sub(r"c(?=[eiy])", "s", word).replace("c", "k").replace("C", "c")
    sounds, before = [], "V"
    for ch in word:
        if ch in "aeiouy":
            before = "V"
        elif ch in "bcdfgjklmnprst":
            sounds.append((ch, before))
            before = "J"
    return _merged(sounds)


def indic_sounds(word: str) -> Sounds:
    """The consonants of a Bengali or Devanagari word on the same scale: জুপিটার -> j p t r, ক্রস -> k+r s."""
    text = unicodedata.normalize("NFD", word)
    sounds, before = [], "?"
    for i, ch in enumerate(text):
        if ch in VIRAMA:
            before = "J"
        elif INDIC_VOWELS.match(ch):
            before = "V"
        elif ch in ANUSVARA:
            sounds.append(("n", before))
            before = "J"
        elif ch == "য" and text[i - 1 : i] in VIRAMA:
            continue  # ya-phala (্য), a glide: অটোগ্র্যাড
        elif ch in SOUND_OF:
            with_nukta = text[i + 1 : i + 2] in ("\u09bc", NUKTA)
            sound = NUKTA_SOUNDS.get(ch, SOUND_OF[ch]) if with_nukta else SOUND_OF[ch]
            if sound:
                sounds.append((sound, before))
            before = "?"
    return _merged(sounds)


def latin_names(glossary: list[dict], language: str) -> dict[str, Sounds]:
    """Each word of the terms the glossary keeps in Latin letters (acronyms and short words left out)."""
    names = {}
    for entry in glossary:
        if entry.get("keep_english") and entry.get(language) == entry.get("term"):
            for word in re.findall(r"[A-Za-z]+", entry["term"]):
                if not word.isupper() and len(latin_sounds(word)) >= 3:
                    names[word] = latin_sounds(word)
    return names


def spelt_out_name(word: str, names: dict[str, Sounds], language: str) -> str | None:
    """The Latin name that ``word`` spells out in Bengali or Devanagari letters, if any (a Bengali case ending
    may follow: কেরাসের)."""
    heard = indic_sounds(word)
    endings = BENGALI_ENDINGS if language == "bn" else {""}
    for name, sounds in names.items():
        start = heard[: len(sounds)]
        if (
            [s for s, _ in start] == [s for s, _ in sounds]
            and all(b in ("?", a) for (_, a), (_, b) in zip(sounds[1:], start[1:]))
            and "".join(s for s, _ in heard[len(sounds) :]) in endings
        ):
            return name
    return None


def name_problems(path: Path, lines: list[tuple[int, str]], language: str, glossary: list[dict]) -> list[Problem]:
    names = latin_names(glossary, language)
    problems = []
    for n, line in lines:
        for word in INDIC_WORD.findall(line):
            if name := spelt_out_name(word, names, language):
                problems.append(
                    Problem(
                        path,
                        n,
                        f"{word!r} spells out the name {name} in "
                        f"{'Bengali' if language == 'bn' else 'Devanagari'} letters",
                        f"write {name} in Latin letters, as translations/glossary.yml keeps it",
                    )
                )
    return capped(path, problems, "name", MOST_REPORTED)
