{{ web_identifies_checked() }}
