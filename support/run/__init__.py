"""How a run is organised: the fixtures every scenario uses, longest-first scheduling, the smoke selection, work
done once per run across workers.
"""
