"""Ground truth for the skill and effort judge, and the data it is trained and measured on.

    .venv/bin/python bench/judge_gold.py      # how many verdicts each repo family gives

The truth is the maintainers' own skill and size labels in bench/data/*.jsonl (real issues: two
files copied from the project's shared data, one gathered with the search tool; bench/data/README.md).
This file says what each label MEANS, read from the issues that carry it, and is kept apart from the
classifier's tables on purpose: they only try to guess it. Labels are matched lower-cased with spaces
collapsed, exactly as written (emoji kept). Each line names the repos the convention was read from
(c = civic-issues.jsonl, l = labeled-issues.jsonl); gathered-issues.jsonl was kept to conventions
already here.

Also here, shared by scripts/train_judge.py and bench/classify_eval.py: the records, their
near-duplicate weights, folds by repository, the slices, and the text-only view of an issue.
"""

from __future__ import annotations

import collections
import difflib
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from generator.build.classify import label_effort, label_skills, normalize_label  # noqa: E402

DATA_DIR = Path(__file__).resolve().parent / "data"
FILES = ("civic-issues.jsonl", "labeled-issues.jsonl", "gathered-issues.jsonl")
AREAS = ("backend", "data", "frontend", "design")  # SkillArea's order
EFFORTS = ("small", "medium", "large")

# area | labels | where the convention was read
SKILL_TABLE = """
frontend | role: front end, role - front end | Hack for LA (website, HomeUniteUs, CTI) c+l
frontend | frontend, front-end, front end, fe | va.gov-team, opencollective, HET, j40, mozilla l
frontend | frontend 🎨, :play_or_pause_button: frontend | electricitymaps, rubyforgood/casa c
frontend | scope: frontend, scope: ui, scope:client | hotosm/tasking-manager, AutoMaker, COS301 c+l
frontend | codebase: client, c: client, .frontend | ushahidi, globaleaks c; metabase l
frontend | a-client side (react) | Spoke ("A-" area prefix, Rust style) l
frontend | area/frontend, area/front-end, area/ui, area:ui | kubeflow, grafana, ballerina, airflow l
frontend | theme/ui, topic/ui, topic: frontend | hashicorp/consul, go-gitea, simpler-grants-gov l
frontend | component: frontend, component : frontend | hotosm tasking-manager, fAIr l
frontend | component-ui, component-ios, component:ui | google/paco, argo-cd l (an iOS app is client code)
frontend | category:frontend, team: front end | hypercerts, getsentry/sentry l
frontend | feature: frontend 🖌️, frontend - functionality | nextcloud/spreed, ji-devs/ji-cloud l
frontend | 🧱 stack: frontend, platform: react :atom_symbol: | WordPress/openverse l, Spoke c
frontend | ref: frontend/editor, va.gov frontend | oppia, va.gov-cms l
frontend | ui, ui issue, ui-enhancement, ui refinement | vault, consul, argo-cd, edgi, TM, care_fe c+l
frontend | web-ui, webui, desktop-ui, main ui, user interface | vripper, consul, openhab, susi l
frontend | affects: ui, affects: mobile/responsive, module: css | internetarchive/openlibrary l
frontend | responsiveness, css, html, html/css, javascript, react | opencollective, HfLA, open-austin c+l
frontend | type: svelte component, type: svelte page | OpenVAA l
frontend | new-ui | courtlistener ("apply new design to … page") c
backend | role: back end/devops, role: back end, role: back-end, role: devops | Hack for LA c+l
backend | role: database | hackforla/food-oasis l
backend | backend, back-end, back end, backend/api 🍑 | va.gov-team, mozilla, prevention-point l
backend | devops, devops/infrastructure | expunge-assist, drone-tm, open-austin c+l
backend | codebase: api, c: backend | ushahidi, globaleaks c
backend | work: back-end, work: database | fecgov/openFEC c+l
backend | area/backend, area/back-end, area:api | kubeflow, apache/airflow (REST API) l
backend | api, web-api, newapi, feature: api 🛠️ | opencollective, simpler-grants, APIVerse, spreed l
backend | component: backend, component : infra, component:api-v3 | TM, fAIr, openstates l
backend | scope: backend, topic: backend | TM, simpler-grants l
backend | a-server-side (nodejs), a-message handlers | Spoke (server code) c+l
backend | platform: node :low_brightness: | politics-rewired/Spoke c
backend | database, db, data base, db migration, postgres | blog, tryckers, horondi, lmfdb l
backend | flask, parser | bikespace, openaustralia c
backend | new scraper, scraper | juriscraper c, coronadatascraper (scraper code) l
backend | new connector, connector update | move-coop/parsons (API client code) c
backend | drupal engineering, platform-sre | va.gov-team l
design | role: design, role: ui, role: ux, role: ui/ux, role: ux/ui team lead | Hack for LA c+l
design | design, design (general), design :cake:, design review, design / ui | mozilla, nextcloud c+l
design | design system | HomeUniteUs, IntersectMBO/govtool (Figma files) c+l
design | design › brand identity, design › illustration/imagery, design › system | opencollective l
design | design → identity, design → illustration, figma → collectives, figma → discover | opencollective l
design | design-needed, needs-design, 🎨 needs-design, x-needs-design, needs design | zetkin, element c+l
design | needs: designs, needs design feedback, needs: design feedback | gutenberg, openlibrary l
design | needs figma update, s-needs ui | openfoodnetwork, Spoke c+l
design | design/research, ux/research | HHS/simpler-grants-gov, bcgov/wps c+l
design | designops, graphic, wg-design, cms design | mozilla, GSA, va.gov-team l
design | t:design, dashboard: design | mysociety/whatdotheyknow-theme, fecgov/fec-cms c
design | category: ui design, category: ui | OpenVAA c+l (its `category: ui` issues are Figma tasks)
design | theme: design, topic: design | openlibrary, simpler-grants l
design | ux, ux design, ui design, ui/ux, ui/ux 👥, ux/ui improvement | va.gov, Altinn, HUU, TM c+l
design | identity-ux, need-ux-review, todo: ux/interaction design, ux stakeholder test | va.gov, oppia l
data | role: data analysis, role: data analyst, role: data scientist, cop: data science | HfLA c
data | data cleaning, data-cleaning, new data, new-data, new_data, data-update | PUDL c+l
data | data repair, og bad data, analysis, data inputs | catalyst-cooperative/pudl l
data | data import, data entry, data issue | UK-Polling-Stations c+l, openelections l
data | data-quality, data quality, 🧽 data quality | courtlistener, openfoodfacts l
data | data-pipeline, data | usds/justice40-tool, HET l
data | [work area] data ingestion, [work area] data sources | SatcherInstitute/health-equity-tracker l
data | data science, data exploration | toy-ml-pipeline, codeforboston/safe-water l
data | component:people-data | openstates (legislator records) c+l
data | analytics-request, analytics-insights | va.gov-team (analytics requests) l
data | etl, epic:etl-orchestration, fec-data | therealtplum/foundry90, fecgov/openFEC l
data | product: dockless dataviz, product: power bi | cityofaustin/atd-data-tech c
none | role: product management, role: product, role: pm, role: ba, role: dev leads | Hack for LA c+l
none | role: ux content writing, role: copywriting | Hack for LA c+l
none | role: research, role: user research, role: testing | Hack for LA c+l
none | work: content, research, user research | openFEC, HUU, food-oasis, va.gov, pages-core c+l
none | ux writing, design › messaging/copy-write | va.gov-cms, opencollective l
none | content, writing, outreach, outreach :speaker:, blog-idea, f: marketing | JustFix, wevote c
none | type: translations | hotosm/tasking-manager l
"""
# PUDL "data:<dataset>" (data:ferc1, data:eia923) names a dataset: the work is data work. c+l
DATA_PREFIX = re.compile(r"^data:\S")
# Read, then left out on purpose: they do not say which area (`role: development`, `full-stack`:
# oppia means both or either), or name a product area (`a-ui` is bevy's UI crate, `judge-db`,
# `solution/studio/designer`, `lang: gha`), or a kind of issue (`documentation`).
AMBIGUOUS = frozenset(
    ("role: development", "engineering", "development", "dev", "app-dev", "full-stack")
)

# strength size | labels | where. Strength 3: a time estimate; 2: a size word; 1: a difficulty or
# experience tier (noisy). The strongest kind wins; among equals the largest.
EFFORT_TABLE = """
2 small | complexity: small, size: good first issue | Hack for LA c+l
2 medium | complexity: medium, size: medium | Hack for LA c+l
2 large | complexity: large, complexity: extra large, size: large | Hack for LA c+l
2 small | 🐟 small, small, small but uncontentious, easy task, easy pickins | zetkin, openFEC c+l
2 medium | 🐬 medium, medium | zetkin, openFEC c
2 small | work: low | oppia l
2 medium | work: medium | oppia, oppia-web-developer-docs l
2 large | work: high | oppia, oppia-android l
2 small | complexity → minimal, complexity → simple, complexity › simple | opencollective l
2 medium | complexity → medium | opencollective l
2 large | complexity › complex | opencollective l
2 small | effort:low, 👕 t-shirt sm | hotosm/drone-tm, SatcherInstitute/health-equity-tracker l
2 medium | effort:medium | hotosm/drone-tm l
2 large | effort:l | hypnotizedent/printshop-os l
3 small | time: <1 hour | ubiquity/ubiquibot l
3 large | time: <1 week | ubiquity/ubiquibot l (more than a weekend)
1 small | difficulty: easy, d3: low, d-straightforward | TM, space-station-14, bevy l
1 medium | difficulty: medium, difficulty: 2-medium | TM, space-station-14 l
1 large | difficulty: hard | TM l
1 small | exp/beginner, difficulty:beginner, level:beginner | moby, im-anishraj/arnio l
1 medium | exp/intermediate | ipfs/ipfs-companion l
1 large | exp/expert | moby l
1 small | level1, level 1, level-1, easy | student programs (GSSoC, SSoC …) l
1 medium | level2, level 2, level-2, ecwoc26-l2, intermediate, intermidiate, med | student programs l
1 large | level3, level 3, level-3, hard, advanced, advance | student programs l
"""
# size: 0.25pt … 13+pt, points: 0.5 … 13+ (Hack for LA c+l); difficulty: 3/5/8/13 (TM points) l
POINTS = re.compile(r"^(?:size|points|difficulty):\s*(\d+(?:\.\d+)?)\s*\+?\s*(?:pts?|points?)?$")


def _table(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.strip().splitlines():
        value, labels, _ = line.split(" | ")
        for label in labels.split(", "):
            assert label not in out, label
            out[label] = value
    return out


GOLD_SKILL = _table(SKILL_TABLE)
EFFORT = {k: (int(v.split()[0]), v.split()[1]) for k, v in _table(EFFORT_TABLE).items()}


def norm(label: str) -> str:
    return " ".join(label.lower().split())


def gold_skills(labels) -> frozenset | None:
    """The maintainers' areas; frozenset() for "none of the four"; None when they gave no verdict."""
    found = [
        GOLD_SKILL.get(norm(n)) or ("data" if DATA_PREFIX.match(norm(n)) else "") for n in labels
    ]
    found = [area for area in found if area]
    return frozenset(a for a in found if a != "none") if found else None


def gold_effort(labels) -> str | None:
    """The maintainers' size, or None."""
    best = None
    for name in labels:
        low = norm(name)
        points = POINTS.match(low)
        if points:
            n = float(points.group(1))
            hit = (3, "small" if n <= 1 else "medium" if n <= 3 else "large")
        else:
            hit = EFFORT.get(low)
        if hit and (
            best is None or (hit[0], EFFORTS.index(hit[1])) > (best[0], EFFORTS.index(best[1]))
        ):
            best = hit
    return best[1] if best else None


def is_gold_label(name: str) -> bool:
    low = norm(name)
    return (
        low in GOLD_SKILL
        or low in EFFORT
        or low in AMBIGUOUS
        or bool(POINTS.match(low) or DATA_PREFIX.match(low))
    )


# ---- records, near-duplicates, folds ---------------------------------------------------------------


def load_records(data_dir: Path = DATA_DIR) -> list[dict]:
    """Both files in file order, each record once (by URL) and tagged with its file."""
    out, seen = [], set()
    for name in FILES:
        with (data_dir / name).open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line) if line.strip() else None
                if record and record["url"] not in seen:
                    seen.add(record["url"])
                    out.append({**record, "_file": name})
    return out


def groups(records: list[dict]) -> list[int]:
    """A group id per record: same repo and titles sharing ≥60% of words, or bodies ≥90% alike."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    words = [set(re.findall(r"[a-z]+", r["title"].lower())) for r in records]
    bodies = [(r.get("body") or "")[:800] for r in records]
    by_repo = collections.defaultdict(list)
    for i, record in enumerate(records):
        by_repo[record["repo"]].append(i)
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    for members in by_repo.values():
        for n, i in enumerate(members):
            matcher.set_seq2(bodies[i])  # analysed once, compared with every earlier record
            for j in members[:n]:
                shared = len(words[i] & words[j]) / max(1, len(words[i] | words[j]))
                if shared >= 0.6 or _alike(matcher, bodies[j], bodies[i]):
                    parent[find(i)] = find(j)
    return [find(i) for i in range(len(records))]


def _alike(matcher: difflib.SequenceMatcher, a: str, b: str) -> bool:
    """Bodies at least 90% the same (`b` is the matcher's second sequence); the cheap upper bounds
    first, ratio() is slow."""
    if not a or not b:
        return False
    matcher.set_seq1(a)
    return (
        matcher.real_quick_ratio() >= 0.9
        and matcher.quick_ratio() >= 0.9
        and matcher.ratio() >= 0.9
    )


def weights(group_of: list[int]) -> list[float]:
    """1 / the size of each record's near-duplicate group: a group weighs 1 in total."""
    size = collections.Counter(group_of)
    return [1.0 / size[g] for g in group_of]


def load(data_dir: Path = DATA_DIR) -> tuple[list[dict], list[float]]:
    """The records and their near-duplicate weights."""
    records = load_records(data_dir)
    return records, weights(groups(records))


def fold_of(repo: str, k: int = 5, salt: str = "") -> int:
    """A repository's fold, fixed by a hash of its name: a repo is never on both sides."""
    return int(hashlib.md5((salt + repo.lower()).encode()).hexdigest(), 16) % k


# ---- slices ----------------------------------------------------------------------------------------
# Civic, government and nonprofit owners (the shared data's README and catalog name them); every repo
# of civic-issues.jsonl is civic too.
CIVIC_OWNERS = frozenset(
    owner.lower()
    for owner in """hackforla department-of-veterans-affairs opencollective catalyst-cooperative
    MozillaFoundation mozilla hotosm SatcherInstitute usds HHS GSA bcgov fecgov freelawproject
    openstates openelections DemocracyClub covidatlas caciviclab code4romania Code4SocialGood
    codeforboston CodeForPhilly CodeTheChangeUBC data-for-change DataViva hackoregon OpenFn
    openfoodfacts OpenVAA ProgressiveCoders rubyforgood smartchicago singularity-energy zetkin
    internetarchive civictechindex Public-Tree-Map Police-Data-Accessibility-Project""".split()  # noqa: SIM905
)


def is_civic(record: dict) -> bool:
    owner = record["repo"].split("/")[0].lower()
    return record["_file"] == "civic-issues.jsonl" or owner in CIVIC_OWNERS


def language_group(record: dict) -> str:
    language = (record.get("language") or "").lower()
    if language == "python":
        return "Python"
    return "JS/TS" if language in ("javascript", "typescript") else "other"


# ---- the text-only view ----------------------------------------------------------------------------
# Removed: every gold label, every label the label rules read, every label with a role, size, skill
# or area prefix, and every label naming a skill word. What is left ("bug", "P-Feature: Home Page",
# "eia860") stays, as it would on a repo with no skill labels.
STRIP_PREFIX = re.compile(
    r"^\W*(?:role|size|complexity|points?|difficulty|level|effort|exp|time|loe|t-shirt|area|"
    r"component|scope|theme|topic|team|category|codebase|stack|platform|work|skill|persona|"
    r"discipline|missing|a|d|e)\b|^level\d|^d\d\b|^\W*t-shirt"
)
SKILL_WORD = re.compile(
    r"\b(?:front[- ]?end|back[- ]?end|full[- ]?stack|ui|ux|design\w*|data|api|devops|database|db|"
    r"figma|css|html|react|javascript|etl|analytics|scraper|connector|research|engineering|infra\w*|"
    r"client|server|dataviz|wireframes?|mockups?)\b"
)


def text_only_labels(labels) -> list[str]:
    """The labels left for a judgement from the text alone."""
    kept = []
    for name in labels:
        low = norm(name)
        if is_gold_label(name) or STRIP_PREFIX.search(low) or SKILL_WORD.search(low):
            continue
        label = normalize_label(name)
        if not (label_skills(label) or label_effort(label)):
            kept.append(name)
    return kept


def main() -> int:
    """Counts of verdicts per repo family (owner), as Markdown."""
    records = load_records()
    per = collections.defaultdict(lambda: [set(), 0, 0, 0])
    for r in records:
        row = per[r["repo"].split("/")[0].lower()]
        row[0].add(r["repo"])
        row[1] += 1
        row[2] += gold_skills(r["labels"]) is not None
        row[3] += gold_effort(r["labels"]) is not None
    print(f"{len(records)} issues from {len({r['repo'] for r in records})} repos\n")
    print("| owner | repos | issues | skill verdicts | effort verdicts |\n|---|---|---|---|---|")
    for owner, (repos, n, s, e) in sorted(
        per.items(), key=lambda kv: (-kv[1][2] - kv[1][3], kv[0])
    ):
        if s + e:
            print(f"| {owner} | {len(repos)} | {n} | {s} | {e} |")
    skill = sum(v[2] for v in per.values())
    effort = sum(v[3] for v in per.values())
    print(f"| **all** | | {len(records)} | {skill} | {effort} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
