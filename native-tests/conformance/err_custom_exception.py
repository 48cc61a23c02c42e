# An uncaught user-defined exception: its name is printed without the module.
class BudgetExceeded(Exception):
    pass


spent = 0
for cost in (10, 20, 30):
    spent += cost
    print("spent", spent)
    if spent > 25:
        raise BudgetExceeded("limit 25, spent " + str(spent))
