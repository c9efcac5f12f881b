"""``python -m twinning.gazetteer build|ensure`` or ``lookup NAME [COUNTRY]``."""

import os
import sys

from twinning.gazetteer import build, default_path, gazetteer


def main(argv: list[str]) -> int:
    if argv[:1] == ["build"]:
        print(build(progress=lambda step: print(f"… {step}", file=sys.stderr)))
        return 0
    if argv[:1] == ["ensure"]:
        # Build only when the file for the installed data and code is missing.
        path = os.environ.get("TWINNING_GAZETTEER") or default_path()
        if not os.path.exists(path):
            build(path, progress=lambda step: print(f"… {step}", file=sys.stderr))
        return 0
    if argv[:1] == ["lookup"] and len(argv) >= 2:
        found = gazetteer().lookup(argv[1], country=argv[2] if len(argv) > 2 else None)
        print(f"{'ambiguous' if found.ambiguous else 'resolved'}: {argv[1]}")
        for match in found.candidates:
            e = match.entry
            print(
                f"  {match.score:6.2f} {e.geonames_id:>9} {e.kind:6} {e.name}, {e.admin1}, "
                f"{e.country} pop={e.population} ({e.latitude}, {e.longitude}) "
                f"{'; '.join(match.reasons)}"
            )
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
