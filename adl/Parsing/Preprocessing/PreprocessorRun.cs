using System.Collections.Generic;
using System.Linq;
using System.Text;
using UxRt.Camkes.Adl.Diagnostics;
using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>
/// One preprocessing of one root file: directives are obeyed, macros expanded, included files
/// spliced in, and for every output line the file and line it came from is recorded.
/// A file is expanded at most once per run (include-once): including a file that is being
/// expanded (a cycle) or was already expanded adds nothing, which is what include guards give
/// the specs that CAmkES apps write, and keeps a file that includes itself twice from growing
/// exponentially. The output and the number of included files are bounded (ADL0040).
/// </summary>
internal sealed class PreprocessorRun
{
    private const int MaxIncludeDepth = 64;
    private const int MaxContinuationLines = 1000;

    private readonly ISourceProvider _sources;
    private readonly FrontEndOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, MacroDefinition> _macros = new(System.StringComparer.Ordinal);
    private readonly StringBuilder _output = new();
    private readonly List<(string File, int Line)> _origins = new();
    private readonly HashSet<string> _expandedFiles = new(System.StringComparer.Ordinal);
    private readonly SpecComments _comments = new();
    private int _includeDepth;

    // Set once the output has outgrown FrontEndLimits.MaxExpandedChars: nothing more is processed.
    private bool _stopped;

    public PreprocessorRun(ISourceProvider sources, FrontEndOptions options, DiagnosticBag diagnostics)
    {
        _sources = sources;
        _options = options;
        _diagnostics = diagnostics;
        foreach (var define in options.Defines)
        {
            if (PpTokenizer.IsIdentifier(define.Name))
            {
                _macros[define.Name] = new MacroDefinition(define.Name, null, false, PpTokenizer.Tokenize(define.Value));
            }
        }
    }

    public PreprocessedText Run(string path, string text)
    {
        _expandedFiles.Add(PathNames.Normalize(path));
        ProcessFile(path, text);
        return new PreprocessedText(_output.ToString(), LineMap.FromOrigins(path, _origins)) { StoppedAtLimit = _stopped, Comments = _comments };
    }

    private void ProcessFile(string path, string text)
    {
        _comments.Add(path, text);
        var lines = LogicalLine.Split(text);
        var conditionals = new ConditionalStack();
        for (var index = 0; index < lines.Count && !_stopped; index++)
        {
            var line = lines[index];
            if (line.IsDirective)
            {
                ProcessDirective(path, line, conditionals);
                Emit(path, line.Line, line.PhysicalLines, string.Empty);
            }
            else if (!conditionals.IsActive)
            {
                Emit(path, line.Line, line.PhysicalLines, string.Empty);
            }
            else
            {
                index = ProcessText(path, lines, index);
            }
        }

        foreach (var open in conditionals.Unclosed)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, open.Line, open.Column, $"#{open.Directive} has no matching #endif");
        }
    }

    /// <summary>Expands a text line; a macro call whose arguments continue is joined with the next lines.</summary>
    private int ProcessText(string path, List<LogicalLine> lines, int index)
    {
        var line = lines[index];
        if (_macros.Count == 0 || !MentionsMacro(line.Text))
        {
            Emit(path, line.Line, line.PhysicalLines, line.Text);
            return index;
        }

        var text = line.Text;
        var last = index;
        var physicalLines = line.PhysicalLines;
        while (true)
        {
            var expansion = new MacroExpander(_macros).ExpandLine(text);
            var canJoin = last + 1 < lines.Count && !lines[last + 1].IsDirective && last - index < MaxContinuationLines;
            if (!expansion.IsIncomplete || !canJoin)
            {
                if (expansion.Error is not null)
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, 1, expansion.Error);
                }
                else if (expansion.IsIncomplete)
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, 1, "a macro call's arguments are not closed with ')'");
                }

                Emit(path, line.Line, 1, expansion.Text);
                Emit(path, line.Line + 1, physicalLines - 1, string.Empty, sameOrigin: false);
                return last;
            }

            last++;
            text += " " + lines[last].Text;
            physicalLines += lines[last].PhysicalLines;
        }
    }

    /// <summary>A cheap scan of a line's names, so that lines without macros skip tokenizing.</summary>
    private bool MentionsMacro(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                // Names inside strings are never expanded; skip to the closing quote.
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
                continue;
            }

            if (!PpTokenizer.IsIdentifierStart(text[i]) || (i > 0 && (char.IsDigit(text[i - 1]) || PpTokenizer.IsIdentifierPart(text[i - 1]))))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && PpTokenizer.IsIdentifierPart(text[i]))
            {
                i++;
            }

            if (_macros.ContainsKey(text.Substring(start, i - start)))
            {
                return true;
            }
        }

        return false;
    }

    private void ProcessDirective(string path, LogicalLine line, ConditionalStack conditionals)
    {
        var hash = line.Text.IndexOf('#');
        var tokens = PpTokenizer.Tokenize(line.Text.Substring(hash + 1));
        var nameIndex = tokens.FindIndex(t => !t.IsWhitespace);
        if (nameIndex < 0)
        {
            return; // The null directive: a lone '#'.
        }

        var name = tokens[nameIndex].Text;
        var rest = tokens.Skip(nameIndex + 1).ToList();
        var column = hash + 1;

        switch (name)
        {
            case "if":
            case "ifdef":
            case "ifndef":
                conditionals.Push(name, line.Line, column, conditionals.IsActive && Condition(path, line, name, rest));
                return;
            case "elif":
                if (!conditionals.CanElse)
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#elif without #if (or after #else)");
                    return;
                }

                conditionals.Elif(conditionals.ParentActive && !conditionals.AnyTaken && Condition(path, line, name, rest));
                return;
            case "else":
                if (!conditionals.CanElse)
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#else without #if (or a second #else)");
                    return;
                }

                conditionals.Else();
                return;
            case "endif":
                if (!conditionals.Pop())
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#endif without #if");
                }

                return;
        }

        if (!conditionals.IsActive)
        {
            return;
        }

        switch (name)
        {
            case "define":
                Define(path, line, column, rest);
                break;
            case "undef":
                if (FirstIdentifier(rest) is { } undefined)
                {
                    _macros.Remove(undefined);
                }
                else
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#undef needs a macro name");
                }

                break;
            case "include":
                Include(path, line, column, rest);
                break;
            case "error":
                Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#error " + MacroExpander.Render(rest).Trim());
                break;
            case "warning":
                Report(DiagnosticDescriptors.PreprocessorWarning, path, line.Line, column, "#warning " + MacroExpander.Render(rest).Trim());
                break;
            case "pragma":
            case "line":
            case "ident":
                // Meaningful to a C compiler only; a spec has nothing to do with them.
                break;
            default:
                Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, $"unknown preprocessor directive '#{name}'");
                break;
        }
    }

    private bool Condition(string path, LogicalLine line, string directive, List<PpToken> rest)
    {
        if (directive is "ifdef" or "ifndef")
        {
            if (FirstIdentifier(rest) is not { } macro)
            {
                Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, 1, $"#{directive} needs a macro name");
                return false;
            }

            return _macros.ContainsKey(macro) == (directive == "ifdef");
        }

        var (value, error) = new ConditionEvaluator(_macros).Evaluate(rest);
        if (error is not null)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, 1, error);
        }

        return value;
    }

    private static string? FirstIdentifier(List<PpToken> tokens) =>
        tokens.FirstOrDefault(t => !t.IsWhitespace) is { Kind: PpTokenKind.Identifier } token ? token.Text : null;

    private void Define(string path, LogicalLine line, int column, List<PpToken> rest)
    {
        var start = rest.FindIndex(t => !t.IsWhitespace);
        if (start < 0 || rest[start].Kind != PpTokenKind.Identifier)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#define needs a macro name");
            return;
        }

        var name = rest[start].Text;
        var bodyStart = start + 1;
        List<string>? parameters = null;
        var variadic = false;

        // A '(' right after the name (no space) makes the macro function-like, as in C.
        if (bodyStart < rest.Count && rest[bodyStart].Is("("))
        {
            parameters = new List<string>();
            var i = bodyStart + 1;
            var closed = false;
            for (; i < rest.Count; i++)
            {
                var token = rest[i];
                if (token.IsWhitespace || token.Is(","))
                {
                    continue;
                }

                if (token.Is(")"))
                {
                    closed = true;
                    break;
                }

                if (token.Is("..."))
                {
                    parameters.Add("__VA_ARGS__");
                    variadic = true;
                }
                else if (token.Kind == PpTokenKind.Identifier && !variadic)
                {
                    parameters.Add(token.Text);
                }
                else
                {
                    Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, $"unexpected '{FrontEndLimits.Quote(token.Text)}' in the parameters of macro '{FrontEndLimits.Quote(name)}'");
                    return;
                }
            }

            if (!closed)
            {
                Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, $"missing ')' in the parameters of macro '{name}'");
                return;
            }

            bodyStart = i + 1;
        }

        var body = rest.Skip(bodyStart).SkipWhile(t => t.IsWhitespace).ToList();
        while (body.Count > 0 && body[body.Count - 1].IsWhitespace)
        {
            body.RemoveAt(body.Count - 1);
        }

        _macros[name] = new MacroDefinition(name, parameters, variadic, body);
    }

    private void Include(string path, LogicalLine line, int column, List<PpToken> rest)
    {
        var spec = MacroExpander.Render(rest).Trim();
        if (!(spec.StartsWith("\"", System.StringComparison.Ordinal) || spec.StartsWith("<", System.StringComparison.Ordinal)))
        {
            // A computed include: `#include HEADER` with HEADER a macro.
            spec = MacroExpander.Render(new MacroExpander(_macros).ExpandTokens(rest, out _)).Trim();
        }

        if (IncludedName(spec) is not { } included)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, "#include expects \"file\" or <file>");
            return;
        }

        var (name, searched) = included;
        (string Path, string Text)? found;
        try
        {
            found = SearchPath.Locate(_sources, _options.IncludeDirectories, path, name, searched);
        }
        catch (UnreadableSourceException refusal)
        {
            _diagnostics.ReportRefused(refusal, new SourceLocation(path, line.Line, column, 0, 0));
            return;
        }

        if (found is null)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, $"cannot find included file '{FrontEndLimits.Quote(name)}'");
            return;
        }

        if (!_expandedFiles.Add(PathNames.Normalize(found.Value.Path)))
        {
            return; // Include-once: a cycle, or a file already spliced in.
        }

        if (_expandedFiles.Count - 1 > FrontEndLimits.MaxIncludedFiles) // The root file is no inclusion.
        {
            Report(DiagnosticDescriptors.LimitExceeded, path, line.Line, column, $"more than {FrontEndLimits.MaxIncludedFiles} files included; '{FrontEndLimits.Quote(name)}' is not read");
            _stopped = true;
            return;
        }

        if (_includeDepth >= MaxIncludeDepth)
        {
            Report(DiagnosticDescriptors.PreprocessorError, path, line.Line, column, $"#include nested more than {MaxIncludeDepth} deep");
            return;
        }

        _includeDepth++;
        ProcessFile(found.Value.Path, found.Value.Text);
        _includeDepth--;
    }

    /// <summary>The name in <c>"name"</c> or <c>&lt;name&gt;</c>, and whether it is searched for; null for anything else.</summary>
    private static (string Name, bool Searched)? IncludedName(string spec)
    {
        if (spec.Length < 2 || (spec[0] != '"' && spec[0] != '<'))
        {
            return null;
        }

        var searched = spec[0] == '<';
        var close = spec.IndexOf(searched ? '>' : '"', 1);
        return close < 1 ? null : (spec.Substring(1, close - 1), searched);
    }

    /// <summary>Ends the run once its output is larger than any real spec (an include or macro explosion).</summary>
    private void StopIfTooLong(string path, int line)
    {
        if (!_stopped && _output.Length > FrontEndLimits.MaxExpandedChars)
        {
            Report(DiagnosticDescriptors.LimitExceeded, path, line, 1, $"the preprocessed text is larger than {FrontEndLimits.MaxExpandedChars} characters; preprocessing stops here");
            _stopped = true;
        }
    }

    private void Emit(string file, int line, int count, string text, bool sameOrigin = true)
    {
        for (var i = 0; i < count; i++)
        {
            _output.Append(i == 0 ? text : string.Empty).Append('\n');
            _origins.Add((file, sameOrigin ? line : line + i));
        }

        StopIfTooLong(file, line);
    }

    private void Report(DiagnosticDescriptor descriptor, string path, int line, int column, string message) =>
        _diagnostics.Report(descriptor, new SourceLocation(path, line, column, 0, 0), message);
}
