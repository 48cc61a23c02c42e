using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// <c>obj.name</c> and <c>obj.name = v</c> on instances of plain classes without lookups by
/// name (see <see cref="AttributeSite"/>); everything else goes to GetAttr and SetAttr.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private AttributeSite AttributeSiteOf(AttributeExpr a)
    {
        if (a.EvaluatorCache is AttributeSite site && site.Owner == this)
        {
            return site;
        }
        bool special = a.Attr is "__class__" or "__dict__" or "__weakref__";
        site = new AttributeSite(this, Intern(a.Attr), special);
        a.EvaluatorCache = site;
        return site;
    }

    /// <summary>The site with an entry for <paramref name="t"/> (an instance layout), or null when the name is special.</summary>
    private AttributeSite? InstanceSite(AttributeExpr a, PyTypeObject* t)
    {
        AttributeSite site = AttributeSiteOf(a);
        if (site.IsSpecial)
        {
            return null;
        }
        int epoch = TypeCacheEpoch;
        if (!site.Describes(t, epoch))
        {
            // What InstanceGetAttr and SetAttr would find on the class, worked out as they do.
            site.Remember(t, epoch, plainSet: TypeTraits(t) == 0, instanceOnly: LookupInType(t, a.Attr) == null);
        }
        return site;
    }

    /// <summary><c>obj.attr</c> (new reference).</summary>
    private PyObject* GetAttr(PyObject* obj, AttributeExpr a)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t) && InstanceSite(a, t) is { InstanceOnly: true } site)
        {
            PyObject* v = PyInstance.GetAttr(obj, site.Key);
            if (v != null)
            {
                return NewRef(v);
            }
        }
        return GetAttr(obj, a.Attr);
    }

    /// <summary><c>obj.attr = value</c> (value borrowed).</summary>
    private void SetAttr(PyObject* obj, AttributeExpr a, PyObject* value)
    {
        PyTypeObject* t = obj->ob_type;
        if (IsInstanceLayout(t) && InstanceSite(a, t) is { PlainSet: true } site && !IsExceptionMember(t, a.Attr))
        {
            PyInstance.SetAttr(obj, site.Key, value);
            return;
        }
        SetAttr(obj, a.Attr, value);
    }
}
