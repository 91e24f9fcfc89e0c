using System.Collections.Generic;
using Antlr4.Runtime;
using UxRt.Camkes.Adl.Parsing.Generated;

namespace UxRt.Camkes.Adl.Parsing;

/// <summary>
/// Finds input that would make the recursive-descent parser recurse without bound: brackets
/// nested too deeply, long runs of prefix operators, or long chains of <c>?:</c>.
/// </summary>
internal static class NestingGuard
{
    public const int MaxDepth = 200;

    public static IToken? FindExcessiveNesting(IList<IToken> tokens)
    {
        var depth = 0;
        var prefixRun = 0;
        var conditionals = 0;
        foreach (var token in tokens)
        {
            switch (token.Type)
            {
                case CamkesLexer.LPAREN or CamkesLexer.LBRACK or CamkesLexer.LBRACE:
                    depth++;
                    break;
                case CamkesLexer.RPAREN or CamkesLexer.RBRACK or CamkesLexer.RBRACE:
                    depth = System.Math.Max(0, depth - 1);
                    break;
                case CamkesLexer.QUESTION:
                    conditionals++;
                    break;
                case CamkesLexer.SEMI:
                    conditionals = 0;
                    break;
            }

            prefixRun = token.Type is CamkesLexer.MINUS or CamkesLexer.PLUS or CamkesLexer.TILDE or CamkesLexer.BANG ? prefixRun + 1 : 0;
            if (depth > MaxDepth || prefixRun > MaxDepth || conditionals > MaxDepth)
            {
                return token;
            }
        }

        return null;
    }
}
