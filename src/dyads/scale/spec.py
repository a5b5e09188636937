"""What a worker needs to build its own `Pipeline`: a small picklable description, not the loaded model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dyads.pipeline import Pipeline

_BUILT: dict[PipelineSpec, Pipeline] = {}


@dataclass(frozen=True, slots=True)
class PipelineSpec:
    """The options of a `Pipeline`: model name, ``parse_all``, extra actor tables (files)."""

    model: str | None = None
    parse_all: bool = False
    actor_files: tuple[str, ...] = ()

    @classmethod
    def from_options(cls, model: str | None, parse_all: bool, actors: Path | None) -> PipelineSpec:
        """The spec the CLI options give (``--actors DIR``: the folder's ``*.tsv`` files)."""
        files = tuple(str(p) for p in sorted(actors.glob("*.tsv"))) if actors else ()
        return cls(model, parse_all, files)

    def build(self) -> Pipeline:
        """A new pipeline (loads the spaCy model and compiles the tables)."""
        from dyads.actors.dictionary import build_dictionary

        actors = build_dictionary(extra=tuple(Path(f) for f in self.actor_files)) if self.actor_files else None
        return Pipeline(model=self.model, parse_all=self.parse_all, actors=actors)

    def get(self) -> Pipeline:
        """This process's pipeline for the spec, built on first use and kept (one model load per process)."""
        pipeline = _BUILT.get(self)
        if pipeline is None:
            pipeline = _BUILT[self] = self.build()
        return pipeline
