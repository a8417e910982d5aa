using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support.Arm;

/// <summary>
/// A parsed ARM template language expression (the text between <c>[</c> and <c>]</c> of a template string):
/// function calls, single-quoted strings, numbers, and <c>.property</c> / <c>[index]</c> accessors.
/// </summary>
internal abstract record ArmExpression
{
    /// <summary>True when <paramref name="text"/> is an expression (starts with <c>[</c>, ends with <c>]</c>, not <c>[[</c>).</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 2 && text[0] == '[' && text[^1] == ']' && text[1] != '[';

    /// <summary>The literal a template string stands for when it is not an expression (<c>[[</c> escapes a leading bracket).</summary>
    public static string Unescape(string text) => text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text;

    /// <summary>Parses the expression string <paramref name="text"/>, brackets included.</summary>
    /// <exception cref="FormatException">The text is not a well-formed expression.</exception>
    public static ArmExpression Parse(string text)
    {
        if (!IsExpression(text))
        {
            throw new FormatException($"Not an ARM expression: {text}");
        }

        var parser = new Parser(text[1..^1]);
        var expression = parser.ParseExpression();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw new FormatException($"Unexpected text at {parser.Position} in: {text}");
        }

        return expression;
    }

    /// <summary>A string or number literal.</summary>
    public sealed record Literal(JsonNode? Value) : ArmExpression;

    /// <summary>A function call.</summary>
    public sealed record Call(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Name}({string.Join(", ", Arguments)})";
    }

    /// <summary><c>target.name</c>.</summary>
    public sealed record Member(ArmExpression Target, string Name) : ArmExpression
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Target}.{Name}";
    }

    /// <summary><c>target[index]</c>.</summary>
    public sealed record Index(ArmExpression Target, ArmExpression Key) : ArmExpression
    {
        /// <inheritdoc/>
        public override string ToString() => $"{Target}[{Key}]";
    }

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public bool AtEnd => Position >= text.Length;

        public void SkipWhitespace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public ArmExpression ParseExpression()
        {
            SkipWhitespace();
            var expression = ParsePrimary();
            while (true)
            {
                SkipWhitespace();
                if (Peek('.'))
                {
                    Position++;
                    expression = new Member(expression, ReadIdentifier());
                }
                else if (Peek('['))
                {
                    Position++;
                    var key = ParseExpression();
                    Expect(']');
                    expression = new Index(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        private ArmExpression ParsePrimary()
        {
            if (AtEnd)
            {
                throw new FormatException("Unexpected end of expression.");
            }

            var c = text[Position];
            if (c == '\'')
            {
                return new Literal(JsonValue.Create(ReadString()));
            }

            if (char.IsDigit(c) || c == '-')
            {
                var start = Position++;
                while (!AtEnd && (char.IsDigit(text[Position]) || text[Position] == '.'))
                {
                    Position++;
                }

                var number = text[start..Position];
                return new Literal(number.Contains('.', StringComparison.Ordinal)
                    ? JsonValue.Create(double.Parse(number, CultureInfo.InvariantCulture))
                    : JsonValue.Create(long.Parse(number, CultureInfo.InvariantCulture)));
            }

            var name = ReadIdentifier(function: true);
            SkipWhitespace();
            Expect('(');
            var arguments = new List<ArmExpression>();
            SkipWhitespace();
            if (Peek(')'))
            {
                Position++;
                return new Call(name, arguments);
            }

            while (true)
            {
                arguments.Add(ParseExpression());
                SkipWhitespace();
                if (Peek(','))
                {
                    Position++;
                    continue;
                }

                Expect(')');
                return new Call(name, arguments);
            }
        }

        private string ReadString()
        {
            var builder = new StringBuilder();
            Position++;
            while (true)
            {
                if (AtEnd)
                {
                    throw new FormatException("Unterminated string literal.");
                }

                var c = text[Position++];
                if (c == '\'')
                {
                    if (!AtEnd && text[Position] == '\'')
                    {
                        builder.Append('\'');
                        Position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }
        }

        private string ReadIdentifier(bool function = false)
        {
            SkipWhitespace();
            var start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(text[Position]) || text[Position] is '_' or '$' or '#'))
            {
                Position++;
            }

            if (Position == start)
            {
                throw new FormatException($"Identifier expected at {Position} in: {text}");
            }

            // User-defined functions are called as namespace.name(...).
            return function && Peek('.') ? text[start..Position] + "." + SkipDot() : text[start..Position];
        }

        private string SkipDot()
        {
            Position++;
            return ReadIdentifier();
        }

        private bool Peek(char c) => !AtEnd && text[Position] == c;

        private void Expect(char c)
        {
            SkipWhitespace();
            if (!Peek(c))
            {
                throw new FormatException($"'{c}' expected at {Position} in: {text}");
            }

            Position++;
        }
    }
}
