namespace Supervised;

/// <summary>Where the dispatcher and the worker keep a job and its answer in the <c>board</c> dataport.</summary>
public static class JobBoard
{
    public const int InputOffset = 0;
    public const int OutputOffset = 8;
}
