using PyHeap.Fuzz;

return FuzzCommandLine.Dispatch(args, Console.Out, Console.Error);
