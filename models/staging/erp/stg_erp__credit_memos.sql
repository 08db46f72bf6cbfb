{{ erp_credit_memos_checked() }}
