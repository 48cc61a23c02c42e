# Exercise 4: find who still holds a reference. No Session may outlive serve().


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


def serve(user):
    session = Session(user)
    session.close()


for user in ["ann", "bob"]:
    serve(user)
print("served 2 users")
