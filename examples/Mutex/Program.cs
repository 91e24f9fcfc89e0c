// Builds the system described by mutex.camkes and runs it until both control threads return.
return Mutex.MutexSystem.Run();
