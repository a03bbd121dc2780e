-- The demo's bank liaison works for 澄川农商银行 (issue 5): a liaison's scope names their bank, so a
-- database made before this keeps the account but gains the bank its queue is filtered by.
UPDATE identity.app_user SET scope_code = '澄川农商银行'
WHERE username = 'bank' AND role = 'BANK_LIAISON' AND scope_code IS NULL;
