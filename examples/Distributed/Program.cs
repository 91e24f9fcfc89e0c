// Runs the system described by Distributed.camkes: every node in this process, or with
// `--node NAME` only that node, reaching the other node over gRPC (see appsettings.json).
return await Pipeline.DistributedSystem.RunNodeAsync(args);
