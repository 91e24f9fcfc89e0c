using System.Collections.Generic;
using System.Linq;

namespace UxRt.Camkes.Adl.Parsing.Preprocessing;

/// <summary>The nesting of <c>#if</c> groups in one file, and whether the current line is kept.</summary>
internal sealed class ConditionalStack
{
    private sealed class Frame
    {
        public Frame(string directive, int line, int column, bool parentActive, bool taken)
        {
            Directive = directive;
            Line = line;
            Column = column;
            ParentActive = parentActive;
            Active = taken;
            AnyTaken = taken;
        }

        public string Directive { get; }

        public int Line { get; }

        public int Column { get; }

        public bool ParentActive { get; }

        public bool Active { get; set; }

        public bool AnyTaken { get; set; }

        public bool SeenElse { get; set; }
    }

    private readonly Stack<Frame> _frames = new();

    public bool IsActive => _frames.Count == 0 || _frames.Peek().Active;

    public bool ParentActive => _frames.Count == 0 || _frames.Peek().ParentActive;

    public bool AnyTaken => _frames.Count > 0 && _frames.Peek().AnyTaken;

    public bool CanElse => _frames.Count > 0 && !_frames.Peek().SeenElse;

    public IEnumerable<(string Directive, int Line, int Column)> Unclosed =>
        _frames.Reverse().Select(f => (f.Directive, f.Line, f.Column));

    public void Push(string directive, int line, int column, bool taken) =>
        _frames.Push(new Frame(directive, line, column, IsActive, taken));

    public void Elif(bool taken)
    {
        var frame = _frames.Peek();
        frame.Active = taken;
        frame.AnyTaken |= taken;
    }

    public void Else()
    {
        var frame = _frames.Peek();
        frame.Active = frame.ParentActive && !frame.AnyTaken;
        frame.AnyTaken = true;
        frame.SeenElse = true;
    }

    public bool Pop()
    {
        if (_frames.Count == 0)
        {
            return false;
        }

        _frames.Pop();
        return true;
    }
}
