import __future__
print(__future__.annotations, __future__.division.getMandatoryRelease(), __future__.all_feature_names[:3], __future__.annotations.compiler_flag)
