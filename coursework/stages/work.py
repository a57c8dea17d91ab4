"""Each stage's work area plugs into the stage page through this registry.

A stage module registers a provider for its slug:

    @stage_work("mindsets")
    def mindsets_work(request, enrollment, *, read_only):
        return {"template": "coursework/stages/mindsets.html", ...context}

The stage page calls it with the enrollment already fetched through access.py, and
renders the returned template (which extends coursework/stage.html and fills the
`stage_work` block). `read_only=True` is used when an instructor reads the work.
"""

_providers = {}


def stage_work(slug):
    def register(provider):
        _providers[slug] = provider
        return provider

    return register


def work_context(slug, request, enrollment, *, read_only=False):
    provider = _providers.get(slug)
    if provider is None:
        return {"template": "coursework/stage.html"}
    return provider(request, enrollment, read_only=read_only)
