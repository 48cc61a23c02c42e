# raytrace: a small recursive ray tracer in the spirit of pyperformance bm_raytrace (spheres, a checkered plane, Lambert shading, reflections); written for UnmanagedHeap
# Renders a 160x160 image and prints a checksum of the 8-bit pixel values.
import math


class Vector:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y, self.z + other.z)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y, self.z - other.z)

    def scale(self, k):
        return Vector(self.x * k, self.y * k, self.z * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y + self.z * other.z

    def length(self):
        return math.sqrt(self.dot(self))

    def normalized(self):
        return self.scale(1.0 / self.length())

    def reflect(self, normal):
        return self - normal.scale(2.0 * self.dot(normal))


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.normalized()

    def at(self, t):
        return self.origin + self.direction.scale(t)


class Sphere:
    def __init__(self, centre, radius, colour, shine):
        self.centre = centre
        self.radius = radius
        self.colour = colour
        self.shine = shine

    def hit(self, ray):
        oc = ray.origin - self.centre
        b = oc.dot(ray.direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        root = math.sqrt(disc)
        t = -b - root
        if t > 1e-6:
            return t
        t = -b + root
        return t if t > 1e-6 else None

    def normal_at(self, point):
        return (point - self.centre).normalized()

    def colour_at(self, point):
        return self.colour


class Plane:
    def __init__(self, point, normal, shine):
        self.point = point
        self.normal = normal.normalized()
        self.shine = shine

    def hit(self, ray):
        denom = ray.direction.dot(self.normal)
        if abs(denom) < 1e-9:
            return None
        t = (self.point - ray.origin).dot(self.normal) / denom
        return t if t > 1e-6 else None

    def normal_at(self, point):
        return self.normal

    def colour_at(self, point):
        if (math.floor(point.x) + math.floor(point.z)) % 2 == 0:
            return Vector(0.9, 0.9, 0.9)
        return Vector(0.1, 0.1, 0.1)


class Scene:
    def __init__(self):
        self.objects = [
            Sphere(Vector(0.0, 1.0, 5.0), 1.0, Vector(0.9, 0.2, 0.2), 0.3),
            Sphere(Vector(-2.2, 0.7, 6.5), 0.7, Vector(0.2, 0.9, 0.3), 0.5),
            Sphere(Vector(2.0, 0.5, 4.0), 0.5, Vector(0.2, 0.3, 0.9), 0.2),
            Plane(Vector(0.0, 0.0, 0.0), Vector(0.0, 1.0, 0.0), 0.4),
        ]
        self.light = Vector(-5.0, 8.0, -3.0)
        self.eye = Vector(0.0, 1.5, -2.0)

    def nearest(self, ray):
        best_t = None
        best = None
        for obj in self.objects:
            t = obj.hit(ray)
            if t is not None and (best_t is None or t < best_t):
                best_t = t
                best = obj
        return best, best_t

    def trace(self, ray, depth):
        obj, t = self.nearest(ray)
        if obj is None:
            return Vector(0.2, 0.3, 0.5)
        point = ray.at(t)
        normal = obj.normal_at(point)
        to_light = (self.light - point).normalized()
        shadowed = self.nearest(Ray(point, to_light))[0] is not None
        lambert = 0.0 if shadowed else max(0.0, normal.dot(to_light))
        colour = obj.colour_at(point).scale(0.1 + 0.9 * lambert)
        if depth > 0 and obj.shine > 0:
            bounce = Ray(point, ray.direction.reflect(normal))
            colour = colour.scale(1.0 - obj.shine) + self.trace(bounce, depth - 1).scale(obj.shine)
        return colour

    def render(self, width, height):
        pixels = []
        for j in range(height):
            y = 1.0 - 2.0 * j / height
            for i in range(width):
                x = 2.0 * i / width - 1.0
                ray = Ray(self.eye, Vector(x, y, 1.5))
                c = self.trace(ray, 3)
                pixels.append((min(255, int(c.x * 255)), min(255, int(c.y * 255)), min(255, int(c.z * 255))))
        return pixels


SIZE = 160
image = Scene().render(SIZE, SIZE)
checksum = 0
for r, g, b in image:
    checksum = (checksum * 31 + r * 65536 + g * 256 + b) % 1000000007
print("raytrace: %dx%d pixels, checksum %d, centre pixel %s" % (SIZE, SIZE, checksum, image[SIZE * SIZE // 2 + SIZE // 2]))
