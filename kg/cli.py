"""The ``kg`` command line: a thin click shell over the library.

Subcommands live in ``kg.commands.*`` and are imported only when used, so
``kg --help`` stays fast and each command's module owns its options.
"""

from __future__ import annotations

import importlib
import importlib.util

import click

from kg import __version__

# command name -> "module:attribute"; a module that is not installed is simply not listed.
COMMANDS: dict[str, str] = {
    "inspect": "kg.commands.inspect:inspect_cmd",
    "extract": "kg.commands.extract:extract_cmd",
    "eval": "kg.commands.evaluate:eval_cmd",
    "ingest": "kg.commands.ingest:ingest_cmd",
    "remove": "kg.commands.ingest:remove_cmd",
    "vocab": "kg.commands.vocab:vocab_group",
    "sync": "kg.commands.sync:sync_group",
    "export": "kg.commands.export:export_cmd",
    "load": "kg.commands.load:load_cmd",
    "query": "kg.commands.query:query_cmd",
    "console": "kg.commands.console:console_cmd",
    "viz": "kg.commands.viz:viz_group",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        present = [n for n, target in COMMANDS.items() if _module_exists(target.split(":")[0])]
        return sorted(set(present) | set(super().list_commands(ctx)))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _module_exists(target.split(":")[0]):
            return super().get_command(ctx, cmd_name)
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def main() -> None:
    """regkg: which cities ran which market-regulation reforms, when, first, with what result.

    Reads bureau work reports, extracts programs, pilots, firsts, outcomes and
    targets with the sentence that says so, and serves them as a graph.
    """


if __name__ == "__main__":  # pragma: no cover
    main()
