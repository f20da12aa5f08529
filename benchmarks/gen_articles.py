"""Synthetic but realistic conflict-news articles, deterministic by seed.

Templated sentences over the actor KB (:meth:`kgbuild.kb.ActorKB.load`): attacks with modes,
threats, protests, deployments, accusations, memberships ("X, part of Y"), leaders, attributed
claims, dates and places, plus filler sentences, so the articles are ~450 words like the
examples. Or the example articles (examples/articles.jsonl) repeated with fresh ids.

    .venv/bin/python benchmarks/gen_articles.py --n 1000 --seed 1 -o /tmp/articles.jsonl
    .venv/bin/python benchmarks/gen_articles.py --n 1000 --examples -o /tmp/examples.jsonl
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["generate", "repeat_examples", "write_jsonl", "word_count", "EXAMPLES"]

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "articles.jsonl"

_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MODES = ["airstrikes", "drone strikes", "artillery shelling", "a car bombing", "heavy clashes",
          "a rocket attack", "an ambush", "gunfire"]
_OFFICIALS = ["officials said", "a spokesman said", "local sources reported", "witnesses told reporters",
              "the ministry said in a statement", "according to a monitoring group"]
_FILLER = [
    "The situation remained tense late into the evening, with checkpoints set up on the main roads.",
    "Analysts said the escalation risked drawing in regional powers that have so far stayed on the sidelines.",
    "Humanitarian agencies warned that thousands of families had already been displaced by the fighting.",
    "The claims could not be independently verified, and communication lines in the area were down.",
    "Diplomats in the capital called for restraint and urged all sides to return to negotiations.",
    "Residents described hearing explosions for several hours before the area fell quiet again.",
    "It was the third such incident this month, and the deadliest since the ceasefire collapsed.",
    "Hospitals in the region reported being overwhelmed and short of basic medical supplies.",
    "The government has repeatedly denied targeting civilians and blamed the violence on outside forces.",
    "Observers noted that the timing coincided with a scheduled round of talks abroad.",
]
_NEW_GROUP_A = ["Martyrs", "Free", "Northern", "Revolutionary", "Popular", "Islamic", "National", "Eastern"]
_NEW_GROUP_B = ["Brigade", "Front", "Battalion", "Movement", "Resistance Committee", "Defence Force"]
_AUTHORS = ["Jason Ditz", "Dave DeCamp", "Kyle Anzalone", "Connor Freeman", "Will Porter"]


@dataclass(frozen=True)
class _Actors:
    states: list[tuple[str, str]]      # (label, demonym)
    forces: list[tuple[str, str]]      # (label, parent label) for institutions with a parent
    groups: list[str]
    people: list[tuple[str, str]]      # (person, organisation led) or (person, "")
    places: list[str]


def _actors() -> _Actors:
    from kgbuild.kb import ActorKB

    kb = ActorKB.load()
    by_iri = kb.actors
    states = sorted((a.label, a.demonyms[0] if a.demonyms else a.label)
                    for a in by_iri.values() if a.actor_class == "State")
    forces, groups, people = [], [], []
    for a in sorted(by_iri.values(), key=lambda a: a.id):
        parent = next((by_iri[p].label for rel, p in a.parents if p in by_iri and rel != "locatedIn"), "")
        if a.actor_class in ("SecurityForce", "GovernmentBody", "Legislature", "ArmedGroup"):
            if parent:
                forces.append((a.label, parent))
            if a.actor_class == "ArmedGroup":
                groups.append(a.label)
        elif a.actor_class == "Person":
            people.append((a.label, parent))
    places = sorted(a.label for a in by_iri.values() if a.actor_class == "Place" and a.wikidata)
    return _Actors(states, forces, groups or ["the rebels"], people, places)


def _sentences(rng: random.Random, actors: _Actors, day: dt.date) -> Iterator[str]:
    """An endless stream of templated sentences about one conflict."""
    state, demonym = rng.choice(actors.states)
    other, other_demonym = rng.choice(actors.states)
    place = rng.choice(actors.places)
    while True:
        kind = rng.random()
        force, parent = rng.choice(actors.forces)
        group = rng.choice(actors.groups)
        weekday = _WEEKDAYS[(day - dt.timedelta(days=rng.randint(0, 6))).weekday()]
        if kind < 0.22:
            yield (f"{demonym} forces carried out {rng.choice(_MODES)} on {group} positions near "
                   f"{rng.choice(actors.places)} on {weekday}, killing {rng.randint(2, 40)} fighters, "
                   f"{rng.choice(_OFFICIALS)}.")
        elif kind < 0.32:
            yield (f"{group} fighters attacked a base of the {force} in {place} on "
                   f"{day:%d %B}, {rng.choice(_OFFICIALS)}.")
        elif kind < 0.40:
            yield f"The {force}, which is part of the {parent}, has been deployed to {place} since {day.year - 1}."
        elif kind < 0.47:
            yield (f"The {demonym} government warned that it would respond to any further attack "
                   f"on its troops in {rng.choice(actors.places)}.")
        elif kind < 0.53:
            yield (f"Hundreds of protesters gathered outside the {other_demonym} embassy in {place} "
                   f"on {weekday} to protest the strikes.")
        elif kind < 0.60:
            yield (f"{other} accused {state} of arming {group}, saying the group is controlled "
                   f"by {state}'s military.")
        elif kind < 0.65 and actors.people:
            person, org = rng.choice(actors.people)
            yield (f"{person}, the leader of the {org}, said the attack would not go unanswered."
                   if org else f"{person} condemned the attack and called for an investigation.")
        elif kind < 0.70:
            name = f"{rng.choice(_NEW_GROUP_A)} {rng.choice(_NEW_GROUP_B)}"
            yield (f"A previously unknown group calling itself the {name} claimed responsibility "
                   f"for the bombing in {rng.choice(actors.places)}.")
        elif kind < 0.75:
            yield (f"{state} deployed additional troops to {place} on {weekday}, and {other} "
                   f"imposed sanctions on {demonym} officials in response.")
        else:
            yield rng.choice(_FILLER)


def generate(n: int, *, seed: int = 1, words: int = 450) -> Iterator[dict]:
    """Yield ``n`` article records (JSON Lines fields), deterministic for a given seed."""
    actors = _actors()
    rng = random.Random(seed)
    start = dt.date(2015, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=rng.randint(0, 3650))
        stream = _sentences(rng, actors, day)
        first = next(stream)
        title = first.split(",")[0].rstrip(".")[:90]
        paragraphs, count = [], 0
        target = int(words * rng.uniform(0.7, 1.3))
        while count < target:
            paragraph = " ".join(next(stream) for _ in range(rng.randint(1, 3)))
            paragraphs.append(paragraph)
            count += len(paragraph.split())
        text = title + "\n\n" + first + "\n\n" + "\n\n".join(paragraphs) + "\n"
        yield {"id": f"syn-{seed}-{i:06d}", "title": title, "published": day.isoformat(),
               "author": _AUTHORS[i % len(_AUTHORS)], "text": text}


def repeat_examples(n: int) -> Iterator[dict]:
    """The example articles repeated to ``n`` records, each copy with its own id."""
    records = [json.loads(line) for line in EXAMPLES.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i in range(n):
        record = dict(records[i % len(records)])
        record["id"] = f"{record['id']}-{i:06d}"
        yield record


def write_jsonl(records: Iterator[dict], path: Path) -> tuple[int, int]:
    """Write records as JSON Lines; returns (articles, words)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    n = words = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
            words += word_count(record["text"])
    return n, words


def word_count(text: str) -> int:
    """Whitespace-separated words (the unit of the words/s figures)."""
    return len(text.split())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--examples", action="store_true", help="repeat examples/articles.jsonl instead")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    records = repeat_examples(args.n) if args.examples else generate(args.n, seed=args.seed)
    n, words = write_jsonl(records, args.output)
    print(f"wrote {n} articles, {words} words, to {args.output}")


if __name__ == "__main__":
    main()
