using System.Collections.Immutable;

namespace UnmanagedHeap.Scripting.Syntax;

/// <summary>
/// A recursive-descent parser for the supported subset of Python 3.12, producing the
/// syntax tree in <c>Tree/</c>. Errors are <see cref="PythonSyntaxError"/>s with CPython 3.12's
/// wording and positions for the common mistakes; what the subset leaves out (async generators,
/// <c>type</c> statements, <c>except*</c>, type parameters, <c>\N{...}</c>)
/// is refused with a message that says so.
/// </summary>
/// <remarks>
/// Files by job: this one holds the entry points and the token cursor;
/// <c>Parser.Errors.cs</c> error construction and CPython's error priorities;
/// <c>Parser.Statements.cs</c> simple statements; <c>Parser.Assignments.cs</c> assignment
/// forms and their error messages; <c>Parser.Blocks.cs</c> compound statements;
/// <c>Parser.Definitions.cs</c> <c>def</c>, <c>class</c>, decorators and parameters;
/// <c>Parser.Expressions.cs</c> the precedence levels; <c>Parser.Primaries.cs</c> calls,
/// attributes and subscripts; <c>Parser.Atoms.cs</c> literals, displays and comprehensions;
/// <c>Parser.Strings.cs</c> string concatenation and f-strings; <c>Parser.Targets.cs</c>
/// assignment and deletion targets; <c>Parser.SecondPass.cs</c> the emulation of CPython's second,
/// error-finding pass.
/// </remarks>
public sealed partial class Parser
{
    private readonly SourceText _source;
    private readonly ScanResult _scan;
    private readonly ImmutableArray<Token> _tokens;
    private readonly List<PythonSyntaxWarning> _warnings = new();

    // Expressions written inside their own parentheses, with the span including them: CPython's
    // error rules tell "(a)" from "a", and a node built from "(a) + b" starts at the parenthesis.
    private readonly Dictionary<Expr, SourceSpan> _groups = new(ReferenceEqualityComparer.Instance);

    // Kinds of the scopes being parsed, innermost last, for the messages about 'await'.
    private readonly List<ScopeKind> _scopes = new();
    private int _index;

    // The furthest token looked at, for CPython's choice between a parse error and an unclosed bracket.
    private int _furthest;

    // The furthest token looked at outside the emulation of CPython's error rules ("invalid_*", which
    // CPython only runs in a second pass): generic "invalid syntax" errors are reported there.
    private int _firstPassFurthest;

    private Parser(SourceText source)
    {
        _source = source;
        _scan = new Scanner(source).Scan();
        _tokens = _scan.Tokens;
    }

    private enum ScopeKind
    {
        Function,
        AsyncFunction,
        Class,
    }

    /// <summary>
    /// Parses a whole file (CPython's <c>exec</c> mode) and runs the checks CPython's compiler
    /// makes before running anything (<c>'return' outside function</c>, duplicate parameters, ...).
    /// </summary>
    /// <exception cref="PythonSyntaxError">The source is not valid in the supported subset.</exception>
    public static Module ParseModule(string source, string fileName = "<string>")
    {
        var text = new SourceText(source, fileName);
        var parser = new Parser(text);
        var body = parser.Run(parser.ParseFile);

        // The tokenizer and the parser warn in source order as CPython reads; its compiler warns afterwards.
        var parseWarnings = parser._scan.Warnings.Concat(parser._warnings).OrderBy(w => w.Line).ToImmutableArray();
        var compileWarnings = SemanticChecker.Check(new Module(body, text, parseWarnings));
        return new Module(body, text, parseWarnings.AddRange(compileWarnings));
    }

    /// <summary>Parses a single expression (CPython's <c>eval</c> mode), e.g. for tests and tools.</summary>
    /// <exception cref="PythonSyntaxError">The source is not one valid expression.</exception>
    public static Expr ParseExpression(string source, string fileName = "<string>")
    {
        var text = new SourceText(source, fileName);
        var parser = new Parser(text);
        return parser.Run(parser.ParseEvalInput);
    }

    private ImmutableArray<Stmt> ParseFile()
    {
        var statements = ImmutableArray.CreateBuilder<Stmt>();
        while (Current.Kind != TokenKind.EndOfFile)
        {
            ParseStatementInto(statements);
        }

        return statements.ToImmutable();
    }

    private Expr ParseEvalInput()
    {
        var expression = ParseStarExpressions();
        while (Match(TokenKind.Newline))
        {
        }

        if (Current.Kind != TokenKind.EndOfFile)
        {
            throw InvalidSyntax();
        }

        return expression;
    }

    // ---- Token cursor -------------------------------------------------------------------

    /// <summary>The next token. Reaching the end of the tokens raises the scanner's pending error, if any.</summary>
    private Token Current => Peek(0);

    private Token Previous => _tokens[Math.Max(_index - 1, 0)];

    private Token Peek(int ahead)
    {
        int i = Math.Min(_index + ahead, _tokens.Length - 1);
        if (i > _furthest)
        {
            _furthest = i;
        }

        if (_errorRules == 0 && i > _firstPassFurthest)
        {
            _firstPassFurthest = i;
        }

        var token = _tokens[i];
        if (token.Kind == TokenKind.EndOfFile && _scan.ErrorAtEnd is { } error)
        {
            throw new ScannerErrorReached(error);
        }

        return token;
    }

    private Token Advance()
    {
        var token = Current;
        if (_index < _tokens.Length - 1)
        {
            _index++;
        }

        return token;
    }

    private bool Check(TokenKind kind) => Current.Kind == kind;

    private bool Match(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private Token Expect(TokenKind kind) => Current.Kind == kind ? Advance() : throw InvalidSyntax();

    /// <summary>The span from the start of <paramref name="first"/> to the end of the last consumed token.</summary>
    private SourceSpan SpanFrom(Token first) => SourceSpan.Between(first.Span, Previous.Span);

    /// <summary>The span from the start of <paramref name="first"/> (its opening parenthesis, if any) to the end of the last consumed token.</summary>
    private SourceSpan SpanFrom(Expr first) =>
        SourceSpan.Between(_groups.TryGetValue(first, out var group) ? group : first.Span, Previous.Span);

    /// <summary>
    /// Runs <paramref name="parse"/> and, when it fails, restores the position and returns false.
    /// Used where CPython's grammar tries an alternative and backtracks.
    /// </summary>
    private bool TryParse<T>(Func<T> parse, out T? result)
    {
        int save = _index;
        try
        {
            result = parse();
            return true;
        }
        catch (PythonSyntaxError)
        {
            _index = save;
            _errorIsFinal = false;
            result = default;
            return false;
        }
    }

    private T InScope<T>(ScopeKind kind, Func<T> parse)
    {
        _scopes.Add(kind);
        try
        {
            return parse();
        }
        finally
        {
            _scopes.RemoveAt(_scopes.Count - 1);
        }
    }
}
