"""The portal under test and how the suite reaches it: the target (embedded mock or staging), its capabilities,
the test control plane, the SMS outbox, the route map.
"""
