"""``python -m qatext ...``: the ``qatext`` command, for environments where its script is not on PATH."""
from qatext.cli import main

if __name__ == "__main__":
    main()
