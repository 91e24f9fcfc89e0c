using Antlr4.Runtime;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// ANTLR's recovery, except that a missing token is assumed before an extra one is. ANTLR's
/// default tries deleting the current token first, so for <c>void f() };</c> it drops the
/// <c>}</c> to reach the <c>;</c> and then reports everything after the procedure as errors too.
/// Assuming the <c>;</c> was forgotten matches what users do and reports one error, not a cascade.
/// </summary>
internal sealed class InsertionFirstErrorStrategy : DefaultErrorStrategy
{
    public override IToken RecoverInline(Parser recognizer) =>
        SingleTokenInsertion(recognizer) ? GetMissingSymbol(recognizer) : base.RecoverInline(recognizer);
}
