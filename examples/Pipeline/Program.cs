// Builds the system described by Pipeline.camkes and runs it until both control threads return.
return Pipeline.PipelineSystem.Run();
