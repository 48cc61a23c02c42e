# Exercise 4, a solution: close() unsubscribes the session from the global bus.


class EventBus:
    def __init__(self):
        self.handlers = []

    def subscribe(self, handler):
        self.handlers.append(handler)

    def unsubscribe(self, handler):
        self.handlers.remove(handler)


bus = EventBus()


class Session:
    def __init__(self, user):
        self.user = user
        self.buffer = [0] * 1000
        bus.subscribe(self)

    def close(self):
        self.buffer = None
        bus.unsubscribe(self)  # the bus was the last holder of the session


def serve(user):
    session = Session(user)
    session.close()


for user in ["ann", "bob"]:
    serve(user)
print("served 2 users")
