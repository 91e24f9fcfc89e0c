namespace CakemlTipc;

/// <summary>The message the clients pass round (the C client's <c>payload_t</c>): copied into each virtqueue buffer.</summary>
public readonly record struct Payload(int Value);
