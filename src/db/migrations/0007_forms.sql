-- Reserved: this migration's tables are being written (see the open issues).
select 1;
