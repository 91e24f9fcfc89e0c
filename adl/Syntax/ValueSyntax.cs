using UxRt.Camkes.Adl.Text;

namespace UxRt.Camkes.Adl.Syntax;

/// <summary>A configuration value as written.</summary>
public abstract record ValueSyntax(SourceLocation Location);

/// <summary>One or more adjacent string literals, already concatenated and unescaped.</summary>
public sealed record StringValueSyntax(SourceLocation Location, string Value) : ValueSyntax(Location);

public sealed record ListValueSyntax(SourceLocation Location, EquatableArray<ValueSyntax> Items) : ValueSyntax(Location);

public sealed record DictValueSyntax(SourceLocation Location, EquatableArray<DictEntrySyntax> Entries) : ValueSyntax(Location);

public sealed record DictEntrySyntax(SourceLocation Location, string Key, ValueSyntax Value);

/// <summary><c>name(...)</c>: a CAmkES query (answered by a plugin there); kept to be reported.</summary>
public sealed record QueryValueSyntax(SourceLocation Location, string Name) : ValueSyntax(Location);

public sealed record ExpressionValueSyntax(SourceLocation Location, ExpressionSyntax Expression) : ValueSyntax(Location);

/// <summary>A C expression (integers, booleans, names), evaluated during resolution.</summary>
public abstract record ExpressionSyntax(SourceLocation Location);

public sealed record IntegerLiteralSyntax(SourceLocation Location, long Value) : ExpressionSyntax(Location);

public sealed record FloatLiteralSyntax(SourceLocation Location, double Value) : ExpressionSyntax(Location);

public sealed record BooleanLiteralSyntax(SourceLocation Location, bool Value) : ExpressionSyntax(Location);

public sealed record NameReferenceSyntax(SourceLocation Location, string Name) : ExpressionSyntax(Location);

public sealed record UnaryExpressionSyntax(SourceLocation Location, string Operator, ExpressionSyntax Operand) : ExpressionSyntax(Location);

public sealed record BinaryExpressionSyntax(SourceLocation Location, string Operator, ExpressionSyntax Left, ExpressionSyntax Right) : ExpressionSyntax(Location);

public sealed record ConditionalExpressionSyntax(
    SourceLocation Location,
    ExpressionSyntax Condition,
    ExpressionSyntax WhenTrue,
    ExpressionSyntax WhenFalse) : ExpressionSyntax(Location);
