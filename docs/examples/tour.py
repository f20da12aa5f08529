"""A tour of kgbuild from Python: build -> query -> DataFrame -> plots, then text in, graph out.

Run it from a checkout (pandas and matplotlib come with ``pip install -e '.[dev]'``)::

    python docs/examples/tour.py --store kg --out tour-out

It builds ``examples/`` into the store (a second run skips the unchanged articles), runs
saved queries into pandas DataFrames, draws an events timeline per state
(``timeline.png``) and the membership chain of Kata'ib Hezbollah as a graph
(``chain.png``), reads the store's graphs through rdflib without exporting them, and
extracts a sentence given as text. ``tests/test_tour.py`` runs it.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files, no window

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from rdflib import URIRef  # noqa: E402

import kgbuild  # noqa: E402
from kgbuild.config import load_config  # noqa: E402
from kgbuild.store import GraphStore  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
STATES = {"IRQ": "Iraq", "SYR": "Syria", "SOM": "Somalia", "MMR": "Myanmar", "NGA": "Nigeria",
          "USA": "United States", "RUS": "Russia", "PRK": "North Korea"}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, default=Path("kg"), help="store folder (default ./kg)")
    parser.add_argument("--out", type=Path, default=Path("tour-out"), help="where the plots go")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    pd.set_option("display.width", 100)
    pd.set_option("display.max_colwidth", 40)

    # 1. Build: the same call as `kgbuild build examples/ --store DIR`
    config = load_config(cwd=ROOT).with_options(store=args.store)
    report = kgbuild.build([str(ROOT / "examples")], config=config)
    print(f"1. build: {len(report.built)} built, {len(report.skipped)} unchanged, {len(report.failures)} failed")

    with GraphStore.open_read_only(args.store) as store:
        # 2. Query -> DataFrame: IRIs are rdflib URIRefs, dates are dates, lists are lists
        attacks = kgbuild.run_saved(store, "attacks-on-state-affiliated-forces").to_dataframe()
        print(f"\n2. attacks on state-affiliated forces: {len(attacks)} events")
        print(attacks[["date", "attacker", "target", "state"]].map(_short).to_string(index=False))

        # 3. Events timeline per state (one saved query per state, concatenated)
        frames = [kgbuild.run_saved(store, "event-timeline", params={"actor": code}).to_dataframe().assign(state=name)
                  for code, name in STATES.items()]
        timeline = pd.concat([f for f in frames if len(f)], ignore_index=True)
        timeline["day"] = pd.to_datetime(timeline["day"])
        print(f"\n3. events per state and day: {len(timeline)} rows")
        print(timeline[["state", "day", "events", "types"]].to_string(index=False))
        _plot_timeline(timeline, args.out / "timeline.png")

        # 4. A membership chain, drawn as a graph (edges coloured by where each link is stated)
        chain = kgbuild.run_saved(store, "membership-chain", params={"actor": "Kataib Hezbollah"}).to_dataframe()
        print("\n4. membership chain of Kata'ib Hezbollah")
        print(chain[["relation", "chain", "source"]].to_string(index=False))
        _plot_chain(chain, args.out / "chain.png")

        # 5. The store's graphs as an rdflib Dataset, read in place (no export, no re-parse)
        dataset = kgbuild.open_dataset(store)
        kb = dataset.graph(URIRef(f"{store.base}graph/kb"))
        kh = URIRef("https://w3id.org/kgbuild/kb/kataib-hezbollah")
        print(f"\n5. rdflib view: {len(kb)} triples in graph/kb; Kata'ib Hezbollah is "
              + ", ".join(sorted(f"{p.n3(dataset.namespace_manager)} {o.n3(dataset.namespace_manager)}"
                                 for p, o in kb.predicate_objects(kh) if "partOf" in p or "subOrg" in p)))

    # 6. Text in, graph out, no files
    result = kgbuild.extract_text("US jets struck Kata'ib Hezbollah near al-Qaim on Sunday.", published="2019-12-30")
    for event in result.events:
        print(f"\n6. extract_text: {event.event_class.value} on {event.date} by "
              f"{', '.join(a.label for a in event.agents)} against {', '.join(a.label for a in event.targets)}; "
              f"{len(result.dataset)} triples in graph {result.doc_graph}")
    print(f"\nplots: {args.out / 'timeline.png'}, {args.out / 'chain.png'}")


def _short(value: object) -> object:
    """IRIs as prefixed names for printing (lists item by item)."""
    if isinstance(value, list):
        return " ".join(str(_short(v)) for v in value)
    if isinstance(value, URIRef):
        return value.replace("https://w3id.org/kgbuild/kb/", "kb:").replace("https://w3id.org/kgbuild/id/", "id:")
    return value


def _plot_timeline(timeline: pd.DataFrame, path: Path) -> None:
    states = sorted(timeline["state"].unique())
    fig, ax = plt.subplots(figsize=(9, 0.6 * len(states) + 1.5))
    for row, state in enumerate(states):
        days = timeline[timeline["state"] == state]
        ax.scatter(days["day"], [row] * len(days), s=days["events"] * 60, alpha=0.7)
        for _, day in days.iterrows():
            ax.annotate(str(day["events"]), (day["day"], row), ha="center", va="center", fontsize=8)
    ax.set_yticks(range(len(states)), states)
    ax.set_title("Events per day, by state (agent or target affiliated with it)")
    ax.grid(axis="x", alpha=0.3)
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _plot_chain(chain: pd.DataFrame, path: Path) -> None:
    edges: dict[tuple[str, str], str] = {}
    depth: dict[str, int] = {}
    for _, row in chain.iterrows():
        names = row["chain"].split(" -> ")
        steps = [s.strip() for s in (row["steps"] or row["source"]).split(",")]
        for i, name in enumerate(names):
            depth[name] = max(depth.get(name, 0), i)
        for (a, b), source in zip(zip(names, names[1:]), steps):
            edges[(a, b)] = source
    columns: dict[int, list[str]] = {}
    for name, level in sorted(depth.items(), key=lambda item: (item[1], item[0])):
        columns.setdefault(level, []).append(name)
    position = {name: (level, -i + (len(names) - 1) / 2) for level, names in columns.items()
                for i, name in enumerate(names)}
    colours = {"kb": "tab:blue", "article": "tab:orange"}
    fig, ax = plt.subplots(figsize=(3 * len(columns) + 1, 2 + len(max(columns.values(), key=len))))
    for (a, b), source in edges.items():
        ax.annotate("", xy=position[b], xytext=position[a],
                    arrowprops={"arrowstyle": "-|>", "color": colours.get(source.split("+")[0], "tab:gray"),
                                "shrinkA": 40, "shrinkB": 40, "lw": 1.5})
    for name, (x, y) in position.items():
        ax.text(x, y, name.replace(" ", "\n", 1) if len(name) > 18 else name, ha="center", va="center",
                fontsize=9, bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "gray"})
    for source, colour in colours.items():
        ax.plot([], [], color=colour, label=f"stated in the {'knowledge base' if source == 'kb' else 'articles'}")
    ax.legend(loc="lower right", fontsize=8)
    ax.set_xlim(-0.6, len(columns) - 0.4)
    ax.set_ylim(-len(max(columns.values(), key=len)) / 2 - 0.5, len(max(columns.values(), key=len)) / 2 + 0.5)
    ax.axis("off")
    ax.set_title("Kata'ib Hezbollah: membership chain (partOf / subOrganizationOf / ofState)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


if __name__ == "__main__":
    main()
