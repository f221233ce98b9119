# raise SystemExit(3) sets the exit status without a traceback.
def main():
    print("doing work")
    raise SystemExit(3)
try:
    main()
finally:
    print("finally before exit")
