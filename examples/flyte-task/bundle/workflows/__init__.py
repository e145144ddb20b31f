"""The workflow project's tasks, as a Flyte fast registration packs its source root."""
