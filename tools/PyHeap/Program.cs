using PyHeap;

return CommandLine.Dispatch(args, Console.Out, Console.Error);
