namespace UxRt.Camkes.Analyzers.FixHints;

/// <summary>
/// Which rewrite a diagnostic's code fix applies. The analyzer, which has the semantic model,
/// decides that a rewrite keeps the meaning; the code fix then only reshapes syntax.
/// </summary>
internal enum FixKind
{
    /// <summary><c>Thread.Sleep(x)</c> → <c>await Task.Delay(x)</c>.</summary>
    AwaitDelay,

    /// <summary><c>t.Wait()</c>, <c>t.Result</c>, <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>.</summary>
    AwaitTask,

    /// <summary><c>r.M(args)</c> → <c>await r.MAsync(args)</c>, with the name in <see cref="FixHint.AsyncNameKey"/>.</summary>
    AwaitAsyncTwin,

    /// <summary><c>t.ConfigureAwait(false)</c> → <c>t</c>.</summary>
    RemoveConfigureAwait,

    /// <summary><c>token.Register(cb[, state])</c> → <c>token.Register(cb[, state], useSynchronizationContext: true)</c>.</summary>
    RegisterOnContext,

    /// <summary>
    /// <c>new System.Threading.Timer(callback, state, period, period)</c> → <c>StartTimer(period, () => callback(state))</c>,
    /// in a component whose base offers <c>StartTimer</c>, where the timer is not used as a <c>Timer</c> afterwards.
    /// </summary>
    StartTimer,
}
