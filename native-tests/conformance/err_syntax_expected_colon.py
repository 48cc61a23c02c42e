# A missing colon.
print("never runs")
for i in range(3)
    print(i)
