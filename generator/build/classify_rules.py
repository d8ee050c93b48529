"""The classifier's readable rules: label vocabularies, text cues and their weights.

Everything classify.py decides comes from these tables, so a maintainer can read why an issue was
sorted the way it was and send a pull request when a convention is missing. Labels are compared
after `classify.normalize_label` (lower case, emoji and `:shortcodes:` dropped, spaces collapsed).
"""

from __future__ import annotations

from ..core.records import Effort, SkillArea

F, B, DS, DA = SkillArea.FRONTEND, SkillArea.BACKEND, SkillArea.DESIGN, SkillArea.DATA
S, M, L = Effort.SMALL, Effort.MEDIUM, Effort.LARGE
NONE = "none"
"""A label that says the work is none of the four areas (product, copy, research): "any skill"."""

# Whole labels, or the value after a prefix ("role: front end", "area/ui", "A-client side").
# A tuple value means several areas; NONE means "any skill" and stops the text from guessing.
SKILL_WORDS: dict[str, tuple] = {
    **dict.fromkeys(("frontend", "front end", "front-end", "fe", "ui", "client", "client side",
                     "client-side", "web client", "css", "html", "html/css", "scss", "sass", "javascript",
                     "js", "react", "vue", "angular", "svelte", "nextjs", "next.js", "jekyll", "styling",
                     "user interface", "user-interface", "web ui", "interface", "webapp", "mobile", "mobileapp",
                     "mobile app", "ios", "android", "accessibility", "a11y"), (F,)),
    **dict.fromkeys(("backend", "back end", "back-end", "be", "server", "server side", "server-side",
                     "api", "database", "db", "devops", "ops", "infrastructure", "infra", "ci", "ci/cd",
                     "github actions", "gha", "deployment", "node", "nodejs", "django", "flask", "rails",
                     "sql", "postgres", "scraper", "scrapers", "new scraper", "parser", "connector",
                     "new connector", "connector update", "message handlers", "back end/devops",
                     "devops/infrastructure", "workflows", "automation"), (B,)),
    **dict.fromkeys(("design", "ux", "ui/ux", "ux/ui", "ui design", "ux design", "ui/ux design",
                     "visual design", "graphic design", "user experience", "figma", "needs design",
                     "needs-design", "design needed", "design-needed", "designer", "mockups", "wireframes",
                     "branding", "ux/ui improvement", "user interface & experience", "ux/ui team lead",
                     "design system", "t:design", "s-needs ui", "admin ui/ux", "design/research"), (DS,)),
    **dict.fromkeys(("data", "data analysis", "data analyst", "data analytics", "data science",
                     "data scientist", "data cleaning", "data import", "data-import", "new data", "new-data",
                     "data update", "data-update", "data quality", "data-quality", "dataviz",
                     "data visualization", "etl", "dataset", "datasets", "open data", "data liberation",
                     "people-data", "lists of data sources", "analytics"), (DA,)),
    **dict.fromkeys(("product", "product management", "pm", "project management", "ux content writing",
                     "content writing", "copywriting", "copy", "content", "writing", "research",
                     "user research", "ux research", "ui/ux research", "ba", "business analyst",
                     "documentation", "docs", "outreach", "triage", "translation",
                     "i18n", "internationalization", "dev leads", "blog-idea"), (NONE,)),
}

# Prefixes whose value names a product feature, a status or a size, never a skill:
# "Feature: Refactor CSS" is about the CSS feature area, not a role. Their words still count as text.
NOT_SKILL_PREFIXES = frozenset({
    "feature", "p-feature", "p - feature", "priority", "status", "milestone", "project", "ready for",
    "interface", "issue making", "missing", "module", "space", "states", "size", "complexity", "points",
    "level", "effort", "difficulty", "deck", "hlc", "impact", "proj", "pm", "x", "o", "s", "f",
})
# Under a role prefix a UI or UX person is a designer; elsewhere bare "ui" is front-end code.
ROLE_PREFIXES = frozenset({"role", "persona", "experience", "skill", "skills", "discipline", "team"})
# A testing or QA *role* is a tester (any skill); a bare `testing` label is writing tests, left to the text.
ROLE_OVERRIDES: dict[str, tuple] = {"ui": (DS,), "ux": (DS,), "ui/ux": (DS,), "data": (DA,),
                                    "testing": (NONE,), "qa": (NONE,)}
# Prefixes that name a dataset ("data:eia923", "dataset: census"): the work is data work.
DATA_PREFIXES = frozenset({"data", "dataset", "datasets", "source"})

EFFORT_PREFIXES = frozenset({"size", "complexity", "effort", "difficulty", "level", "points", "point",
                             "estimate", "e", "d", "sp", "story points", "time", "t-shirt"})
EFFORT_WORDS: dict[str, Effort] = {
    **dict.fromkeys(("small", "s", "xs", "x-small", "tiny", "easy", "low", "beginner", "trivial", "quick",
                     "prework", "easy task", "easy pickins", "small but uncontentious", "starter",
                     "good first issue"), S),
    **dict.fromkeys(("medium", "m", "med", "moderate", "intermediate", "average", "normal"), M),
    **dict.fromkeys(("large", "l", "xl", "x-large", "extra large", "xxl", "hard", "high", "difficult",
                     "huge", "big", "advanced", "epic"), L),
}
# Words that are sizes only after a prefix ("size: good first issue", "size: epic"); bare, they are
# priorities, the beginner label every listed issue carries, or a kind of issue (an epic is a text cue).
NOT_BARE_EFFORT = frozenset({"low", "high", "normal", "average", "good first issue", "big", "epic"})
POINTS_SMALL_MAX, POINTS_MEDIUM_MAX = 1.0, 3.0
"""Hack for LA's sizes: 0.25pt–1pt an evening, 2pt–3pt a weekend, 5pt and up more."""

# Text cues: a word (or a path part) → (area, weight). Title words count double.
TEXT_WORDS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(("css", "scss", "sass", "stylesheet", "html", "jsx", "tsx", "react", "reactjs", "vue",
                     "vuejs", "angular", "svelte", "nextjs", "tailwind", "bootstrap", "frontend",
                     "front-end", "navbar", "dropdown", "modal", "tooltip", "hover", "responsive",
                     "responsiveness", "wcag", "aria", "a11y", "screen-reader", "jquery", "dom",
                     "storybook", "webpack", "vite", "typescript", "liquid",
                     "carousel", "breakpoint",
                     "ios", "android", "swiftui", "flutter", "h1", "h2", "h3", "div", "img", "href",
                     "frontend", "browser"), (F, 1.0)),
    **dict.fromkeys(("django", "flask", "fastapi", "rails", "api", "apis", "endpoint", "endpoints",
                     "database", "postgres", "postgresql", "mysql", "sqlite", "sql", "sqlalchemy",
                     "migration", "migrations", "backend", "back-end", "server", "docker", "terraform",
                     "aws", "kubernetes", "celery", "redis", "elasticsearch", "cron", "workflow",
                     "workflows", "gha", "github-actions", "yml", "yaml", "ci", "deploy", "deployment",
                     "authentication", "oauth", "graphql", "orm", "schema", "queries", "query", "node",
                     "nodejs", "express", "scraper", "scrapers", "scrape", "scraping", "parser", "cli",
                     "serializer", "webhook", "webhooks", "lambda", "heroku", "nginx", "devops",
                     "pytest", "rspec", "models", "views", "controllers", "python", "ruby",
                     "php", "golang", "java", "connector", "token", "tokens", "bot",
                     "materialized", "indexes", "backup", "cache", "logging"), (B, 1.0)),
    **dict.fromkeys(("figma", "figjam", "wireframe", "wireframes", "mockup", "mockups", "mock-up",
                     "prototypes", "hi-fi", "lo-fi", "hifi", "typography", "logo", "icons",
                     "iconography", "ux", "ui/ux", "designs", "redesign",
                     "miro", "visual", "illustration", "branding", "palette", "persona", "personas",
                     "usability", "high-fidelity", "user-flow", "storyboard"), (DS, 1.0)),
    **dict.fromkeys(("pandas", "numpy", "jupyter", "notebook", "notebooks", "ipynb", "csv", "csvs",
                     "dataset", "datasets", "dataframe", "dataframes", "etl", "tableau", "looker",
                     "analysis", "analyze", "analytics", "statistics", "statistical", "excel", "spreadsheet",
                     "geojson", "shapefile", "shapefiles", "parquet", "dbt", "bigquery", "warehouse",
                     "visualization", "visualisation", "dataviz", "regression", "imputation", "imputations",
                     "precinct", "census", "xlsx"), (DA, 1.0)),
    # Weak alone: every endpoint serves "data" and "design" is also a verb.
    "data": (DA, 0.75), "analyze": (DA, 0.5), "design": (DS, 0.5), "prototype": (DS, 0.5),
    "designer": (DS, 0.75), "designers": (DS, 0.75),  # also the name of app-builder features
    # Half weight: common words with another meaning too (a time frame, a call script, the city controller).
    **dict.fromkeys(("frame", "frames", "sketch"), (DS, 0.5)), **dict.fromkeys(("script", "controller"), (B, 0.5)),
    "cleaning": (DA, 0.5),
}
# What a screen is made of: front-end work, unless the issue is a design task (design cues reach
# TEXT_MIN_SCORE), where pages and buttons are what gets drawn rather than coded.
TEXT_UI_NOUNS: dict[str, float] = {
    **dict.fromkeys(("homepage", "ui", "layout", "component", "components", "button", "buttons", "font",
                     "fonts", "navbar", "footer", "sidebar", "breakpoints", "widget"), 1.0),
    "layouts": 0.5,
    **dict.fromkeys(("page", "pages", "image", "images", "mobile", "website", "display", "displayed"), 0.5),
}
# Two-word cues, found only when their first word is present (keeps the scan fast).
TEXT_PHRASES: dict[str, tuple[tuple[str, SkillArea, float], ...]] = {
    "front": (("front end", F, 1.0),),
    "back": (("back end", B, 1.0),),
    "github": (("github actions", B, 2.0), ("github action", B, 2.0)),
    "alt": (("alt text", F, 1.5),),
    "user": (("user flow", DS, 2.0), ("user journey", DS, 1.5), ("user interface", F, 1.0)),
    "design": (("design system", DS, 1.0),),
    "style": (("style guide", DS, 1.5),),
    "high": (("high fidelity", DS, 2.0),),
    "data": (("data cleaning", DA, 2.0), ("data analysis", DA, 2.0), ("data science", DA, 2.0),
             ("data import", DA, 2.0), ("data set", DA, 1.0), ("new data", DA, 1.5)),
    "power": (("power bi", DA, 2.0),),
    "machine": (("machine learning", DA, 2.0),),
    "google": (("google analytics", DA, 1.5),),
    "polling": (("polling districts", DA, 1.0), ("polling stations", DA, 1.0)),
    "spot": (("spot check", DA, 2.0),),
}
# The first word of the title (or of a part after "Prefix:"): "Design a home page for hosts" is design work.
TEXT_LEAD_WORDS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(("design", "redesign", "wireframe", "wireframes", "mockup", "mockups"),
                    (DS, 1.0)),
    **dict.fromkeys(("visualize", "visualise", "import"), (DA, 1.0)),
}
DATA_MENTIONS_FROM = 4
"""An issue that says "data" this many times is about data: each further mention adds a point (two at most)."""
# File extensions in the text (".scss", "main.py", "notebook.ipynb").
TEXT_EXTENSIONS: dict[str, tuple[SkillArea, float]] = {
    **dict.fromkeys(("scss", "css", "sass", "less", "jsx", "tsx", "vue", "svelte", "html", "liquid", "erb",
                     "hbs", "swift", "kt", "dart"), (F, 2.0)),
    **dict.fromkeys(("py", "rb", "go", "java", "php", "sql", "yml", "yaml", "sh", "tf", "rs", "ex",
                     "exs"), (B, 2.0)),
    **dict.fromkeys(("ipynb", "csv", "xlsx", "xls", "parquet", "geojson", "shp", "dta", "rmd"), (DA, 2.0)),
    **dict.fromkeys(("fig", "sketch", "svg", "png", "psd", "ai"), (DS, 0.5)),
}
# Words saying the task is none of the areas: with nothing else, the issue is "any skill".
TEXT_NONE_WORDS = frozenset({
    "wiki", "recruit", "recruitment", "onboarding", "meeting", "meetings", "outreach", "copywriting",
    "interview", "interviews", "blog", "research", "faq", "agenda", "presentation", "slides", "newsletter",
})
RESOURCES_WEIGHT = 0.25
"""Words after a "Resources" heading (links to read) count this much of a body word."""
TEXT_MIN_SCORE = 2.0
"""An area needs this much text evidence (a title word and a body word, or two body words)."""
TEXT_KEEP_RATIO = 0.6
"""A second area is kept only with at least this share of the strongest area's score."""

# The repo's primary language, a weak prior when the text says nothing.
LANGUAGE_PRIOR: dict[str, SkillArea] = {
    **dict.fromkeys(("javascript", "typescript", "html", "css", "scss", "vue", "svelte", "swift",
                     "kotlin", "dart", "objective-c"), F),
    **dict.fromkeys(("python", "ruby", "go", "java", "php", "elixir", "c#", "rust", "scala", "perl",
                     "hcl", "shell"), B),
    **dict.fromkeys(("jupyter notebook", "r", "julia"), DA),  # not TeX: that is books and papers
}
TOPIC_PRIOR: dict[str, SkillArea] = {
    **dict.fromkeys(("react", "frontend", "vue", "nextjs", "css", "html", "jekyll", "ios", "android"), F),
    **dict.fromkeys(("django", "flask", "api", "rails", "backend", "graphql", "postgresql"), B),
    **dict.fromkeys(("open-data", "data", "dataset", "datasets", "data-science", "etl", "pandas"), DA),
    **dict.fromkeys(("design-system", "figma", "ux"), DS),
}

# Effort from the text: each cue moves a score up (+) or down (−); ≥ 1 is medium, ≥ 2 is large.
EFFORT_UP_WORDS: dict[str, float] = {
    **dict.fromkeys(("refactor", "refactoring", "migrate", "migration", "redesign", "architecture",
                     "integrate", "implement", "implementation", "mvp", "overhaul", "consolidate",
                     "scaffold", "scaffolding", "re-organizing", "re-organization", "reorganize",
                     "reorganization", "reorg", "rewrite", "end-to-end", "requirements"), 1.0),
    "epic": 1.5,
    # Automation and bug hunts take longer than they look: reproduce, fix, test on CI.
    **dict.fromkeys(("workflow", "workflows", "gha", "bug", "bugs", "investigate", "automation"), 0.5),
}
EFFORT_UP_PHRASES: dict[str, float] = {"github action": 0.5, "high fidelity": 0.5, "user flow": 0.5}
# The first word of the title (or of a part after "Prefix:") says the shape of the task.
EFFORT_LEAD_WORDS: dict[str, float] = {
    **dict.fromkeys(("create", "build", "develop", "implement", "design", "review", "improve", "make",
                     "modify", "modifying", "research", "run", "conduct", "organize", "prototype"), 1.0),
    **dict.fromkeys(("update", "add", "change", "remove", "replace", "swap", "rename", "reset",
                     "correct", "edit", "delete", "hide", "ensure", "open", "typo", "link", "document",
                     "clarify", "move"), -0.5),
}
# "good first issue" is on nearly every listed issue, so it says nothing about size.
EFFORT_LABEL_CUES: dict[str, float] = {"epic": 1.5, ".epic": 1.5, "first-timers-only": -1.0,
                                       "automation": 0.5}
EFFORT_MEDIUM_AT, EFFORT_LARGE_AT = 1.0, 2.0
CHECKLIST_MEDIUM, CHECKLIST_LARGE = 10, 25
"""Checklist items ("- [ ] …") above which a task stops fitting an evening, then a weekend."""
