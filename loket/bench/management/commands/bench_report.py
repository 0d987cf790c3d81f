"""The latest bench runs side by side: each size's table, then the sizes compared."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from loket.bench import report


class Command(BaseCommand):
    help = "Print the tables of bench runs (JSON files) and compare the smallest with the largest."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+")
        parser.add_argument("--output", default="var/bench/latest.json")

    def handle(self, *args, files: list[str], output: str, **options) -> None:
        runs = []
        for name in files:
            path = Path(name)
            if not path.exists():
                raise CommandError(f"{name}: no such run (make bench writes one per size).")
            runs.append(json.loads(path.read_text()))
        runs.sort(key=lambda run: run["meta"]["requests"])
        for run in runs:
            meta = run["meta"]
            machine = meta["machine"]
            self.stdout.write(
                f"\n{meta['requests']:,} requests · {machine['cores']} cores, "
                f"{machine['memory_gib']} GiB · {meta['connections']} connections, "
                f"{meta['seconds']} s each · load average (1 min) "
                f"{machine['load_average'][0]:.1f} at the start, "
                f"{meta.get('load_average_end', [0])[0]:.1f} at the end · {meta['at']}\n"
            )
            rows = [report.Row(**{"ceiling": 0.0, **row}) for row in run["scenarios"]]
            self.stdout.write(report.table(rows))
            self.stdout.write(json.dumps(run["checks"]))
        if len(runs) > 1:
            self.stdout.write("\nCost against data size:\n")
            self.stdout.write(report.compare(runs[0], runs[-1]))
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(json.dumps({"runs": runs}, indent=2, ensure_ascii=False) + "\n")
        self.stdout.write(f"\nWritten to {output}")
