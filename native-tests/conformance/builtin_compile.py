# compile() then eval/exec of the code object.
code = compile("1 + 2 * 3", "<expr>", "eval")
print(eval(code))
stmts = compile("x = 4\ny = x * x", "<stmts>", "exec")
env = {}
print(exec(stmts, env))
print(env["x"], env["y"])
try:
    compile("1 +", "<bad>", "eval")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
try:
    compile("x", "<m>", "bogus")
except ValueError as e:
    print(e)
