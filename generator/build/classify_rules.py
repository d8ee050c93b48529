"""The classifier's readable rules: label vocabularies, text cues and their weights.

Labels decide by these tables alone (classify.py applies them), so a maintainer can read why an
issue was sorted the way it was and send a pull request when a convention is missing. Labels are
compared after `classify.normalize_label` (lower case, emoji and `:shortcodes:` dropped, arrows
made prefixes, spaces collapsed).

The text cues (TEXT_*, EFFORT_UP_WORDS, EFFORT_LEAD_WORDS) are no longer applied as written: they
are the starting point of the learned text model (text_model.py). scripts/train_judge.py reads them
as the prior of the weights it learns from maintainers' labels, so adding a cue word here and
retraining is how the text model learns a new word that the data has too few repos to teach.
"""

from __future__ import annotations

from ..core.records import Effort, SkillArea

F, B, DS, DA = SkillArea.FRONTEND, SkillArea.BACKEND, SkillArea.DESIGN, SkillArea.DATA
S, M, L = Effort.SMALL, Effort.MEDIUM, Effort.LARGE
NONE = "none"
"""A label that says the work is none of the four areas (product, copy, research): "any skill"."""


def words(text: str) -> tuple[str, ...]:
    """The entries of a word list written as comma-separated lines (an entry may hold spaces)."""
    return tuple(word.strip() for word in text.replace("\n", ",").split(",") if word.strip())


# Whole labels, or the value after a prefix ("role: front end", "area/ui", "A-client side").
# A tuple value means several areas; NONE means "any skill" and stops the text from guessing.
SKILL_WORDS: dict[str, tuple] = {
    **dict.fromkeys(
        words("""
        frontend, front end, front-end, fe, ui, client, client side, client-side, web client, css,
        html, html/css, scss, sass, javascript, js, react, vue, angular, svelte, nextjs, next.js,
        jekyll, styling, user interface, user-interface, web ui, interface, webapp, mobile,
        mobileapp, mobile app, ios, android, accessibility, a11y,
        ui issue, ui-enhancement, ui refinement, web-ui, webui, desktop-ui, main ui, new-ui,
        responsiveness, frontend - functionality, va.gov frontend, svelte component, svelte page
        """),
        (F,),
    ),
    **dict.fromkeys(
        words("""
        backend, back end, back-end, be, server, server side, server-side, api, database, db,
        devops, ops, infrastructure, infra, ci, ci/cd, github actions, gha, deployment, node,
        nodejs, django, flask, rails, sql, postgres, scraper, scrapers, new scraper, parser,
        connector, new connector, connector update, message handlers, back end/devops,
        devops/infrastructure, workflows, automation,
        web-api, web api, newapi, new api, api-v3, data base, db migration, sre, platform-sre,
        drupal engineering
        """),
        (B,),
    ),
    **dict.fromkeys(
        words("""
        design, ux, ui/ux, ux/ui, ui design, ux design, ui/ux design, visual design, graphic design,
        user experience, figma, needs design, needs-design, design needed, design-needed, designer,
        mockups, wireframes, branding, ux/ui improvement, user interface & experience,
        ux/ui team lead, design system, t:design, s-needs ui, admin ui/ux, design/research,
        design review, designops, graphic, graphics, wg-design, cms design, ux-review,
        need-ux-review, ux stakeholder test, needs design feedback, design feedback,
        needs figma update, designs, needs designs, identity-ux
        """),
        (DS,),
    ),
    **dict.fromkeys(
        words("""
        data, data analysis, data analyst, data analytics, data science, data scientist,
        data cleaning, data import, data-import, new data, new-data, data update, data-update,
        data quality, data-quality, dataviz, data visualization, etl, dataset, datasets, open data,
        data liberation, people-data, lists of data sources, analytics,
        data entry, data issue, data issues, data repair, data-cleaning, data-pipeline,
        data pipeline, data exploration, data inputs, data ingestion, data sources, og bad data,
        bad data, analysis, analytics-request, analytics-insights, fec-data, power bi,
        etl-orchestration, data entry/ocr
        """),
        (DA,),
    ),
    **dict.fromkeys(
        words("""
        product, product management, pm, project management, ux content writing, content writing,
        copywriting, copy, content, writing, research, user research, ux research, ui/ux research,
        ba, business analyst, documentation, docs, outreach, triage, translation, i18n,
        internationalization, dev leads, blog-idea,
        ux writing, translations, copy-write, marketing
        """),
        (NONE,),
    ),
}

# Prefixes whose value names a product feature, a status or a size, never a skill:
# "Feature: Refactor CSS" is about the CSS feature area, not a role. Their words still count as
# text. "need"/"needs"/"p": ipfs "need/analysis", openlibrary "Needs: Breakdown", "P - Feature - …".
NOT_SKILL_PREFIXES = frozenset(
    words("""
    feature, p-feature, p - feature, priority, status, milestone, project, ready for, interface,
    issue making, missing, module, space, states, size, complexity, points, level, effort,
    difficulty, deck, hlc, impact, proj, pm, x, o, s, f, need, needs, p
    """)
)
# A prefix that itself names an area, whatever the value ("Design › Brand identity", "Figma →
# Discover"); read only when the value names no area of its own.
AREA_PREFIXES: dict[str, tuple] = {
    "design": (DS,),
    "figma": (DS,),
    "frontend": (F,),
    "backend": (B,),
}
# Values that stay skills after a NOT_SKILL prefix ("Feature: Frontend 🖌️" in nextcloud/spreed,
# "X-Needs-Design" in element-x-ios); "Feature: Refactor CSS" still says nothing.
ROLE_WORDS_ANY_PREFIX = frozenset(
    words("""
    frontend, front end, backend, back end, needs-design, needs design, design needed,
    design-needed, designs, design feedback
    """)
)
# Unambiguous words inside any other label ("VA.gov frontend", "identity-ux", "Product: Dockless
# dataviz"). Not "ui", "api", "db", "data" or "design": "judge-db", "theme/allocation API".
STRONG_LABEL_WORDS: dict[str, tuple] = {
    "frontend": (F,),
    "backend": (B,),
    "devops": (B,),
    "ux": (DS,),
    "figma": (DS,),
    "designops": (DS,),
    "dataviz": (DA,),
}
# Under a role prefix a UI or UX person is a designer; elsewhere bare "ui" is front-end code.
ROLE_PREFIXES = frozenset(words("role, persona, experience, skill, skills, discipline, team"))
# A testing or QA *role* is a tester (any skill); a bare `testing` label is writing tests, left to
# the text.
ROLE_OVERRIDES: dict[str, tuple] = {
    "ui": (DS,),
    "ux": (DS,),
    "ui/ux": (DS,),
    "data": (DA,),
    "testing": (NONE,),
    "qa": (NONE,),
}
# Prefixes that name a dataset ("data:eia923", "dataset: census"): the work is data work.
DATA_PREFIXES = frozenset({"data", "dataset", "datasets", "source"})

# Oppia "Work: Low", Kibana "loe:hours", moby "exp/expert", SS14 "D3: Low" among the usual ones.
EFFORT_PREFIXES = frozenset(
    words("""
    size, complexity, effort, difficulty, level, points, point, estimate, e, d, sp, story points,
    time, t-shirt, work, loe, exp, d1, d2, d3
    """)
)
EFFORT_WORDS: dict[str, Effort] = {
    **dict.fromkeys(
        words("""
        small, s, xs, x-small, tiny, easy, low, beginner, trivial, quick, prework, easy task,
        easy pickins, small but uncontentious, starter, good first issue,
        simple, minimal, straightforward, sm, hours, introductory
        """),
        S,
    ),
    **dict.fromkeys(
        words("medium, m, med, moderate, intermediate, average, normal, modest, md, days"), M
    ),
    "intermidiate": M,  # a student program's spelling
    **dict.fromkeys(
        words("""
        large, l, xl, x-large, extra large, xxl, hard, high, difficult, huge, big, advanced, epic,
        complex, expert, lg, week, weeks, multi-week, advance
        """),
        L,
    ),
}
# Words that are sizes only after a prefix ("size: good first issue", "size: epic"); bare, they are
# priorities, the beginner label every listed issue carries, or a kind of issue.
NOT_BARE_EFFORT = frozenset(words("low, high, normal, average, good first issue, big, epic"))
# Student-program tiers ("level1" … "level3", GSSoC and the like), set by whoever opened the issue:
# the same task is level1 in one repo and level2 in another, so they are the weakest size labels.
LEVEL_TIERS: dict[str, Effort] = {"1": S, "2": M, "3": L}
# "Time: <1 Hour" (ubiquibot): an evening is up to 4 hours, a weekend up to 2 days.
HOURS: dict[str, float] = {"hour": 1, "hr": 1, "day": 8, "week": 40, "month": 160}
HOURS_SMALL_MAX, HOURS_MEDIUM_MAX = 4.0, 16.0
POINTS_SMALL_MAX, POINTS_MEDIUM_MAX = 1.0, 3.0
"""Hack for LA's sizes: 0.25pt–1pt an evening, 2pt–3pt a weekend, 5pt and up more."""

# ---- text cues: the prior of the learned text model ----------------------------------------------
# A word (or a path part) → (area, weight); a title word counts again on top.
TEXT_WORDS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(
        words("""
        css, scss, sass, stylesheet, html, jsx, tsx, react, reactjs, vue, vuejs, angular, svelte,
        nextjs, tailwind, bootstrap, frontend, front-end, navbar, dropdown, modal, tooltip, hover,
        responsive, responsiveness, wcag, aria, a11y, screen-reader, jquery, dom, storybook,
        webpack, vite, typescript, liquid, carousel, breakpoint, ios, android, swiftui, flutter,
        h1, h2, h3, div, img, href, browser
        """),
        (F, 1.0),
    ),
    **dict.fromkeys(
        words("""
        django, flask, fastapi, rails, api, apis, endpoint, endpoints, database, postgres,
        postgresql, mysql, sqlite, sql, sqlalchemy, migration, migrations, backend, back-end,
        server, docker, terraform, aws, kubernetes, celery, redis, elasticsearch, cron, workflow,
        workflows, gha, github-actions, yml, yaml, ci, deploy, deployment, authentication, oauth,
        graphql, orm, schema, queries, query, node, nodejs, express, scraper, scrapers, scrape,
        scraping, parser, cli, serializer, webhook, webhooks, lambda, heroku, nginx, devops,
        pytest, rspec, models, views, controllers, python, ruby, php, golang, java, connector,
        token, tokens, bot, materialized, indexes, backup, cache, logging
        """),
        (B, 1.0),
    ),
    **dict.fromkeys(
        words("""
        figma, figjam, wireframe, wireframes, mockup, mockups, mock-up, prototypes, hi-fi, lo-fi,
        hifi, typography, logo, icons, iconography, ux, ui/ux, designs, redesign, miro, visual,
        illustration, branding, palette, persona, personas, usability, high-fidelity, user-flow,
        storyboard
        """),
        (DS, 1.0),
    ),
    **dict.fromkeys(
        words("""
        pandas, numpy, jupyter, notebook, notebooks, ipynb, csv, csvs, dataset, datasets,
        dataframe, dataframes, etl, tableau, looker, analysis, analytics, statistics, statistical,
        excel, spreadsheet, geojson, shapefile, shapefiles, parquet, dbt, bigquery, warehouse,
        visualization, visualisation, dataviz, regression, imputation, imputations, precinct,
        census, xlsx
        """),
        (DA, 1.0),
    ),
    # Weak alone: every endpoint serves "data" and "design" is also a verb.
    "data": (DA, 0.75),
    "analyze": (DA, 0.5),
    "design": (DS, 0.5),
    "prototype": (DS, 0.5),
    "designer": (DS, 0.75),
    "designers": (DS, 0.75),  # also the name of app-builder features
    # Half weight: common words with another meaning too (a time frame, a call script, the city
    # controller).
    **dict.fromkeys(("frame", "frames", "sketch"), (DS, 0.5)),
    **dict.fromkeys(("script", "controller"), (B, 0.5)),
    "cleaning": (DA, 0.5),
}
# What a screen is made of: front-end work unless the issue is a design task, where pages and
# buttons are drawn rather than coded (the prior gives them half their weight; the data the rest).
TEXT_UI_NOUNS: dict[str, float] = {
    **dict.fromkeys(
        words("""
        homepage, ui, layout, component, components, button, buttons, font, fonts, navbar, footer,
        sidebar, breakpoints, widget
        """),
        1.0,
    ),
    **dict.fromkeys(
        words("layouts, page, pages, image, images, mobile, website, display, displayed"), 0.5
    ),
}
# Two-word cues, keyed by their first word.
TEXT_PHRASES: dict[str, tuple[tuple[str, SkillArea, float], ...]] = {
    "front": (("front end", F, 1.0),),
    "back": (("back end", B, 1.0),),
    "github": (("github actions", B, 2.0), ("github action", B, 2.0)),
    "alt": (("alt text", F, 1.5),),
    "user": (("user flow", DS, 2.0), ("user journey", DS, 1.5), ("user interface", F, 1.0)),
    "design": (("design system", DS, 1.0),),
    "style": (("style guide", DS, 1.5),),
    "high": (("high fidelity", DS, 2.0),),
    "data": (
        ("data cleaning", DA, 2.0),
        ("data analysis", DA, 2.0),
        ("data science", DA, 2.0),
        ("data import", DA, 2.0),
        ("data set", DA, 1.0),
        ("new data", DA, 1.5),
    ),
    "power": (("power bi", DA, 2.0),),
    "machine": (("machine learning", DA, 2.0),),
    "google": (("google analytics", DA, 1.5),),
    "polling": (("polling districts", DA, 1.0), ("polling stations", DA, 1.0)),
    "spot": (("spot check", DA, 2.0),),
}
# The first word of the title (or of a part after "Prefix:"): "Design a home page for hosts" is
# design work.
TEXT_LEAD_WORDS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(words("design, redesign, wireframe, wireframes, mockup, mockups"), (DS, 1.0)),
    **dict.fromkeys(("visualize", "visualise", "import"), (DA, 1.0)),
}
# File extensions in the text (".scss", "main.py", "notebook.ipynb").
TEXT_EXTENSIONS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(
        words(
            "scss, css, sass, less, jsx, tsx, vue, svelte, html, liquid, erb, hbs, swift, kt, dart"
        ),
        (F, 2.0),
    ),
    **dict.fromkeys(words("py, rb, go, java, php, sql, yml, yaml, sh, tf, rs, ex, exs"), (B, 2.0)),
    **dict.fromkeys(words("ipynb, csv, xlsx, xls, parquet, geojson, shp, dta, rmd"), (DA, 2.0)),
    **dict.fromkeys(words("fig, sketch, svg, png, psd, ai"), (DS, 0.5)),
}
# Words saying the task is none of the areas ("any skill").
TEXT_NONE_WORDS = frozenset(
    words("""
    wiki, recruit, recruitment, onboarding, meeting, meetings, outreach, copywriting, interview,
    interviews, blog, research, faq, agenda, presentation, slides, newsletter
    """)
)

# The repo's topics, then its primary language: they only break a near-tie between two areas the
# text already points to (the margin is learned, see text_model.json "tie"), never decide alone.
LANGUAGE_PRIOR: dict[str, SkillArea] = {
    **dict.fromkeys(
        words(
            "javascript, typescript, html, css, scss, vue, svelte, swift, kotlin, dart, objective-c"
        ),
        F,
    ),
    **dict.fromkeys(
        words("python, ruby, go, java, php, elixir, c#, rust, scala, perl, hcl, shell"), B
    ),
    **dict.fromkeys(("jupyter notebook", "r", "julia"), DA),  # not TeX: that is books and papers
}
TOPIC_PRIOR: dict[str, SkillArea] = {
    **dict.fromkeys(words("react, frontend, vue, nextjs, css, html, jekyll, ios, android"), F),
    **dict.fromkeys(words("django, flask, api, rails, backend, graphql, postgresql"), B),
    **dict.fromkeys(words("open-data, data, dataset, datasets, data-science, etl, pandas"), DA),
    **dict.fromkeys(words("design-system, figma, ux"), DS),
}

# Effort cues, the prior of the effort model: + towards large, − towards small.
EFFORT_UP_WORDS: dict[str, float] = {
    **dict.fromkeys(
        words("""
        refactor, refactoring, migrate, migration, redesign, architecture, integrate, implement,
        implementation, mvp, overhaul, consolidate, scaffold, scaffolding, re-organizing,
        re-organization, reorganize, reorganization, reorg, rewrite, end-to-end, requirements
        """),
        1.0,
    ),
    "epic": 1.5,
    # Automation and bug hunts take longer than they look: reproduce, fix, test on CI.
    **dict.fromkeys(words("workflow, workflows, gha, bug, bugs, investigate, automation"), 0.5),
}
# The first word of the title (or of a part after "Prefix:") says the shape of the task.
EFFORT_LEAD_WORDS: dict[str, float] = {
    **dict.fromkeys(
        words("""
        create, build, develop, implement, design, review, improve, make, modify, modifying,
        research, run, conduct, organize, prototype
        """),
        1.0,
    ),
    **dict.fromkeys(
        words("""
        update, add, change, remove, replace, swap, rename, reset, correct, edit, delete, hide,
        ensure, open, typo, link, document, clarify, move
        """),
        -0.5,
    ),
}
