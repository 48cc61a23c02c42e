using UnmanagedHeap.Objects;
using UnmanagedHeap.Scripting.Runtime.Types;
using UnmanagedHeap.Scripting.Syntax;

namespace UnmanagedHeap.Scripting.Runtime;

/// <summary>
/// Annotations as CPython 3.12 evaluates them: a def's parameter and return annotations when
/// the def runs (into the function's <c>__annotations__</c>); an annotated assignment's in a
/// module or class body (into that namespace's <c>__annotations__</c>, which the body's start
/// creates, as SETUP_ANNOTATIONS does); never those of a function's locals. Under
/// <c>from __future__ import annotations</c> every one is kept as its unparsed text instead.
/// </summary>
public sealed unsafe partial class Interpreter
{
    private static bool FutureAnnotations(Scope scope)
    {
        Scope s = scope;
        while (s.Parent is not null)
        {
            s = s.Parent;
        }
        return s.FutureAnnotations;
    }

    /// <summary>An annotation's value: evaluated, or its text under the future import (new reference).</summary>
    private PyObject* AnnotationValue(Expr annotation, ExecFrame f) =>
        FutureAnnotations(f.Scope) ? Str(AnnotationText.Of(annotation, null)) : Eval(annotation, f);

    /// <summary>SETUP_ANNOTATIONS: a module or class body holding an annotated assignment starts with an empty <c>__annotations__</c>.</summary>
    internal void SetupAnnotations(IReadOnlyList<Stmt> body, PyObject* ns)
    {
        if (!HasAnnotatedAssignment(body) || PyDict.GetItem(ns, Intern("__annotations__")) != null)
        {
            return;
        }
        PyObject* annotations = PyDict.New(St);
        PyDict.SetItem(ns, Intern("__annotations__"), annotations);
        Refcount.Decref(annotations);
    }

    /// <summary>Whether a body has an annotated assignment outside nested defs and classes (CPython's find_ann).</summary>
    private static bool HasAnnotatedAssignment(IEnumerable<Stmt> body) => body.Any(s => s switch
    {
        AnnAssignStmt => true,
        IfStmt i => HasAnnotatedAssignment(i.Body) || HasAnnotatedAssignment(i.OrElse),
        WhileStmt w => HasAnnotatedAssignment(w.Body) || HasAnnotatedAssignment(w.OrElse),
        ForStmt fo => HasAnnotatedAssignment(fo.Body) || HasAnnotatedAssignment(fo.OrElse),
        WithStmt w => HasAnnotatedAssignment(w.Body),
        TryStmt t => HasAnnotatedAssignment(t.Body) || t.Handlers.Any(h => HasAnnotatedAssignment(h.Body))
                     || HasAnnotatedAssignment(t.OrElse) || HasAnnotatedAssignment(t.FinalBody),
        MatchStmt m => m.Cases.Any(c => HasAnnotatedAssignment(c.Body)),
        _ => false,
    });

    /// <summary><c>target: annotation [= value]</c>: the value is assigned first, then the annotation recorded.</summary>
    private void ExecAnnAssign(AnnAssignStmt ann, ExecFrame f)
    {
        if (ann.Value is not null)
        {
            PyObject* v = Eval(ann.Value, f);
            try
            {
                AssignTo(ann.Target, v, f);
            }
            finally
            {
                Refcount.Decref(v);
            }
        }
        bool namespaceScope = f.Scope.Kind is ScopeKind.Module or ScopeKind.Class;
        if (ann.IsSimple && ann.Target is NameExpr name)
        {
            if (namespaceScope)
            {
                StoreAnnotation(name.Id, ann.Annotation, f);
            }
            return;
        }
        if (ann.Value is null)
        {
            // A bare `obj.attr: T` or `obj[key]: T` still evaluates obj (and key), as CPython checks them.
            EvaluateAndDrop(ann.Target switch
            {
                AttributeExpr a => a.Value,
                SubscriptExpr s => s.Value,
                _ => null,
            }, f);
            if (ann.Target is SubscriptExpr sub)
            {
                EvaluateAndDrop(sub.Slice, f);
            }
        }
        if (namespaceScope && !FutureAnnotations(f.Scope))
        {
            EvaluateAndDrop(ann.Annotation, f);
        }
    }

    private void EvaluateAndDrop(Expr? e, ExecFrame f)
    {
        if (e is not null)
        {
            Refcount.Decref(Eval(e, f));
        }
    }

    private void StoreAnnotation(string name, Expr annotation, ExecFrame f)
    {
        PyObject* value = AnnotationValue(annotation, f);
        try
        {
            PyObject* annotations = LoadName(f, "__annotations__");
            try
            {
                SetItem(annotations, Intern(name), value);
            }
            finally
            {
                Refcount.Decref(annotations);
            }
        }
        finally
        {
            Refcount.Decref(value);
        }
    }

    /// <summary>
    /// A def's annotations dict in CPython's order — regular parameters, then positional-only
    /// ones, *args, keyword-only, **kwargs, return — or null when it has none.
    /// </summary>
    private PyObject* FunctionAnnotations(ParameterList ps, Expr? returns, ExecFrame f)
    {
        var ordered = new List<(string Name, Expr Annotation)>();
        void Add(IEnumerable<Parameter> parameters)
        {
            foreach (Parameter p in parameters)
            {
                if (p.Annotation is not null)
                {
                    ordered.Add((p.Name, p.Annotation));
                }
            }
        }
        Add(ps.All.Where(p => p.Kind == ParameterKind.PositionalOrKeyword));
        Add(ps.All.Where(p => p.Kind == ParameterKind.PositionalOnly));
        Add(ps.All.Where(p => p.Kind == ParameterKind.VarPositional));
        Add(ps.All.Where(p => p.Kind == ParameterKind.KeywordOnly));
        Add(ps.All.Where(p => p.Kind == ParameterKind.VarKeyword));
        if (returns is not null)
        {
            ordered.Add(("return", returns));
        }
        if (ordered.Count == 0)
        {
            return null;
        }
        PyObject* dict = PyDict.New(St);
        try
        {
            foreach ((string name, Expr annotation) in ordered)
            {
                PyObject* value = AnnotationValue(annotation, f);
                PyDict.SetItem(dict, Intern(name), value);
                Refcount.Decref(value);
            }
        }
        catch
        {
            Refcount.Decref(dict);
            throw;
        }
        return dict;
    }

    /// <summary><c>f.__annotations__</c>: made empty on first access when the def had none, as CPython's getter does.</summary>
    private PyObject* FunctionAnnotationsAttribute(PyFunctionObject* fn)
    {
        if (fn->func_annotations == null)
        {
            fn->func_annotations = PyDict.New(St);
        }
        return NewRef(fn->func_annotations);
    }
}
