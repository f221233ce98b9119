# Escape sequences, raw strings and triple quotes.
print("tab:\tend")
print("newline:\nsecond")
print("quote: \" and \' and \\")
print(r"raw \n stays \t")
print(len("\n"), len(r"\n"), "\x41\u00e9\101")
s = """triple
quoted "with" 'quotes'
  indented"""
print(s)
print('''single triple''')
print("a" "b" 'c')
